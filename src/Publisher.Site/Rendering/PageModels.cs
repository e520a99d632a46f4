using System.Collections.Immutable;
using Publisher.Content.Markdown;
using Publisher.Content.Model;
using Publisher.Site.Model;

namespace Publisher.Site.Rendering;

/// <summary>The home page: latest documents, offices and years.</summary>
public sealed class HomePageModel : ListPageModel
{
    /// <summary>The newest documents.</summary>
    public required IReadOnlyList<DocumentListItem> Latest { get; init; }

    /// <summary>Returns the page with its newest <paramref name="count"/> documents filled in.</summary>
    public HomePageModel WithLatest(SiteModel site, int count) => new()
    {
        Site = Site,
        Language = Language,
        T = T,
        Urls = Urls,
        Path = Path,
        Title = Title,
        Description = Description,
        Latest = Items(site.Documents.Take(count)),
    };
}

/// <summary>All offices, grouped by district.</summary>
public sealed class OfficesPageModel : ListPageModel
{
    /// <summary>District name → offices in it.</summary>
    public IEnumerable<IGrouping<string, Office>> ByDistrict =>
        Site.Offices.GroupBy(o => o.District.In(Language));

    /// <summary>How many documents an office has.</summary>
    public int CountOf(Office office) => Site.DocumentsOf(office).Length;
}

/// <summary>One office's documents, grouped by year.</summary>
public sealed class OfficePageModel : ListPageModel
{
    /// <summary>The office.</summary>
    public required Office Office { get; init; }

    /// <summary>Year → the office's documents covering it, newest year first.</summary>
    public IEnumerable<IGrouping<int, SiteDocument>> ByYear =>
        Site.DocumentsOf(Office).GroupBy(d => d.Item.Year!.Value).OrderByDescending(g => g.Key);
}

/// <summary>All years with documents.</summary>
public sealed class YearsPageModel : ListPageModel
{
    /// <summary>How many documents cover a year.</summary>
    public int CountOf(int year) => Site.DocumentsIn(year).Length;
}

/// <summary>One year's documents, grouped by office.</summary>
public sealed class YearPageModel : ListPageModel
{
    /// <summary>The year.</summary>
    public required int Year { get; init; }

    /// <summary>Office → its documents covering the year, in the offices' order.</summary>
    public IEnumerable<(Office Office, IReadOnlyList<SiteDocument> Documents)> ByOffice
    {
        get
        {
            var byOffice = Site.DocumentsIn(Year).ToLookup(d => d.Item.Office ?? string.Empty, StringComparer.Ordinal);
            return Site.Offices
                .Select(o => (Office: o, Documents: (IReadOnlyList<SiteDocument>)[.. byOffice[o.Id]]))
                .Where(g => g.Documents.Count > 0);
        }
    }
}

/// <summary>A document or standalone page.</summary>
public sealed class DocumentPageModel : PageModel
{
    /// <summary>The document.</summary>
    public required SiteDocument Document { get; init; }

    /// <summary>The version written in this page's language, or null when the full text exists only in another.</summary>
    public SiteDocumentVersion? Version { get; init; }

    /// <summary>The version in the default language (for the body of an untranslated page's link).</summary>
    public SiteDocumentVersion Original => Document.Original;

    /// <summary>The summary and its language, if any.</summary>
    public (string Text, string Language)? Summary => Document.SummaryIn(Language, Site.Options.DefaultLanguage);

    /// <summary>The headings for the "on this page" list (levels 2 and 3).</summary>
    public ImmutableArray<Heading> Contents =>
        Version is null ? [] : [.. Version.Headings.Where(h => h.Level is 2 or 3 && h.Id.Length > 0)];

    /// <summary>The official metadata rows, in the order of STANDARDS.md.</summary>
    public IReadOnlyList<MetadataRow> Metadata => MetadataRows.For(this);

    /// <summary>The files published with the document (shown the GOV.UK way: format, size, pages).</summary>
    public ImmutableArray<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>The link to an attachment; there is one copy, beside the default-language page.</summary>
    public string AttachmentHref(AttachmentInfo attachment) => Urls.Link(Site.Options.DefaultLanguage, attachment.Path);

    /// <summary>The link to the full text in the default language.</summary>
    public string OriginalHref => Urls.Link(Site.Options.DefaultLanguage, Document.Path);
}
