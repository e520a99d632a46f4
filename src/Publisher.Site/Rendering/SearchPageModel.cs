using System.Collections.Immutable;

namespace Publisher.Site.Rendering;

/// <summary>The search page: a GET form with office, year and kind filters, filled in by <c>search.js</c>.</summary>
public sealed class SearchPageModel : PageModel
{
    /// <summary>The offices to filter by: id and name in this language.</summary>
    public required ImmutableArray<SearchFilterOption> Offices { get; init; }

    /// <summary>The years to filter by, newest first.</summary>
    public required ImmutableArray<int> Years { get; init; }

    /// <summary>The kinds of documents the site has: id and name.</summary>
    public required ImmutableArray<SearchFilterOption> Kinds { get; init; }

    /// <summary>The address of this language's index folder, for <c>search.js</c>.</summary>
    public required string IndexUrl { get; init; }
}
