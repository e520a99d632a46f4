using Publisher.Content.Model;
using Publisher.Site.Model;

namespace Publisher.Site.Rendering;

/// <summary>One page of an office's disclosure catalogue (政府信息公开目录).</summary>
public sealed class CataloguePageModel : ListPageModel
{
    /// <summary>How many entries one page lists.</summary>
    public const int PageSize = 50;

    /// <summary>The office.</summary>
    public required Office Office { get; init; }

    /// <summary>This page's entries.</summary>
    public required IReadOnlyList<SiteDocument> Entries { get; init; }

    /// <summary>1-based page number.</summary>
    public required int PageNumber { get; init; }

    /// <summary>How many pages the catalogue has.</summary>
    public required int PageCount { get; init; }

    /// <summary>How many entries the catalogue has in all.</summary>
    public required int Total { get; init; }

    /// <summary>The path of a page of this catalogue.</summary>
    public string PagePath(int number) => CataloguePath(Office, number);

    /// <summary>The path of page <paramref name="number"/> of an office's catalogue.</summary>
    public static string CataloguePath(Office office, int number) =>
        number == 1 ? $"offices/{office.Id}/catalogue/" : $"offices/{office.Id}/catalogue/{number}/";

    /// <summary>The entries of an office's catalogue: its documents, newest first, then by index number.</summary>
    public static IReadOnlyList<SiteDocument> EntriesOf(SiteModel site, Office office) =>
        [.. site.DocumentsOf(office)
            .OrderByDescending(d => d.Item.PublishedOrIssued)
            .ThenBy(d => d.Item.IndexNo ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Key, StringComparer.Ordinal)];

    /// <summary>The text of a kind in this language.</summary>
    public string KindLabel(string kind) => T["kind." + kind];
}
