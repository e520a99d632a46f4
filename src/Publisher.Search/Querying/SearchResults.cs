using System.Collections.Immutable;

namespace Publisher.Search.Querying;

/// <summary>A page of results.</summary>
/// <param name="Total">How many documents match.</param>
/// <param name="Page">The 1-based page shown.</param>
/// <param name="PageCount">How many pages there are.</param>
/// <param name="Hits">The results on this page, best first.</param>
public sealed record SearchResults(int Total, int Page, int PageCount, ImmutableArray<SearchHit> Hits);
