using System.Collections.Immutable;
using Publisher.Content.Configuration;
using Publisher.Content.Model;

namespace Publisher.Site.Model;

/// <summary>Everything the pages are made from: settings, offices and documents, in a stable order.</summary>
public sealed class SiteModel
{
    /// <summary>Builds the model; documents are ordered newest first, then by key.</summary>
    public SiteModel(SiteOptions options, IEnumerable<Office> offices, IEnumerable<SiteDocument> documents)
    {
        Options = options;
        Offices = [.. offices.OrderBy(o => o.District.In(options.DefaultLanguage), StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal)];
        var all = documents.ToList();
        Pages = [.. all.Where(d => d.IsStandalonePage).OrderBy(d => d.Key, StringComparer.Ordinal)];
        Documents = [.. all.Where(d => !d.IsStandalonePage)
            .OrderByDescending(d => d.Item.PublishedOrIssued)
            .ThenBy(d => d.Key, StringComparer.Ordinal)];
        Years = [.. Documents.Select(d => d.Item.Year!.Value).Distinct().OrderDescending()];

        // Lists are asked for once per page; index them once so a page costs its own documents, not the site's.
        _byOffice = Documents.Where(d => d.Item.Office is not null).GroupBy(d => d.Item.Office!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _byYear = Documents.GroupBy(d => d.Item.Year!.Value).ToDictionary(g => g.Key, g => g.ToImmutableArray());
    }

    private readonly Dictionary<string, ImmutableArray<SiteDocument>> _byOffice;
    private readonly Dictionary<int, ImmutableArray<SiteDocument>> _byYear;

    /// <summary>The site settings.</summary>
    public SiteOptions Options { get; }

    /// <summary>Offices, by district then id.</summary>
    public ImmutableArray<Office> Offices { get; }

    /// <summary>Reports and other dated documents, newest first.</summary>
    public ImmutableArray<SiteDocument> Documents { get; }

    /// <summary>Standalone pages (about, accessibility statement).</summary>
    public ImmutableArray<SiteDocument> Pages { get; }

    /// <summary>Years that have documents, newest first.</summary>
    public ImmutableArray<int> Years { get; }

    /// <summary>The validated statistics of disclosure annual reports, by document key (issue 9).</summary>
    public ImmutableSortedDictionary<string, Transparency.Statistics.AnnualStatistics> Statistics { get; init; } =
        ImmutableSortedDictionary<string, Transparency.Statistics.AnnualStatistics>.Empty;

    /// <summary>The documents of one office.</summary>
    public ImmutableArray<SiteDocument> DocumentsOf(Office office) => _byOffice.GetValueOrDefault(office.Id, []);

    /// <summary>The documents covering one year.</summary>
    public ImmutableArray<SiteDocument> DocumentsIn(int year) => _byYear.GetValueOrDefault(year, []);
}
