using System.Collections.Immutable;

namespace Publisher.Content.Model;

/// <summary>The typed, validated front matter of a report, disclosure item or page, and where it lives.</summary>
public sealed record ContentItem
{
    /// <summary>The source path relative to the site root (<c>content/ganquan-road/2021/report.md</c>).</summary>
    public required string Source { get; init; }

    /// <summary>The language of this file: the default language, or the one in <c>&lt;slug&gt;.&lt;lang&gt;.md</c>.</summary>
    public required string Language { get; init; }

    /// <summary>The path shared by a document and its translations, without language: <c>ganquan-road/2021/report</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The document's title in this file's language.</summary>
    public required string Title { get; init; }

    /// <summary>The English title given in the Chinese original (<c>title_en</c>).</summary>
    public string? TitleEn { get; init; }

    /// <summary>annual-report, disclosure-annual-report, disclosure, notice or page.</summary>
    public string Kind { get; init; } = "page";

    /// <summary>The topic, such as rule-of-law.</summary>
    public string? Topic { get; init; }

    /// <summary>The issuing office's id; null for standalone pages.</summary>
    public string? Office { get; init; }

    /// <summary>The year the document covers.</summary>
    public int? Year { get; init; }

    /// <summary>成文日期: the date on the document.</summary>
    public DateOnly? Issued { get; init; }

    /// <summary>发布日期: when it went public; defaults to <see cref="Issued"/>.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>发文字号.</summary>
    public string? DocNumber { get; init; }

    /// <summary>签发人.</summary>
    public string? Signer { get; init; }

    /// <summary>主送.</summary>
    public string? Addressee { get; init; }

    /// <summary>印发机关.</summary>
    public string? PrintOffice { get; init; }

    /// <summary>印发日期.</summary>
    public DateOnly? PrintDate { get; init; }

    /// <summary>共印N份.</summary>
    public int? Copies { get; init; }

    /// <summary>A short summary in this file's language.</summary>
    public string? Summary { get; init; }

    /// <summary>The English summary given in the Chinese original (<c>summary_en</c>).</summary>
    public string? SummaryEn { get; init; }

    /// <summary>索引号 of a disclosure catalogue entry.</summary>
    public string? IndexNo { get; init; }

    /// <summary>主题分类.</summary>
    public string? Category { get; init; }

    /// <summary>有效性.</summary>
    public string? Validity { get; init; }

    /// <summary>Files published with the document.</summary>
    public ImmutableArray<Attachment> Attachments { get; init; } = [];

    /// <summary>
    /// Old addresses of this document (site-relative, such as <c>2021/report-old/</c>), each with where it is
    /// written; each becomes a redirect page.
    /// </summary>
    public ImmutableArray<(string Path, Publisher.Core.Diagnostics.SourceSpan Location)> Aliases { get; init; } = [];

    /// <summary>True for a translation file (<c>&lt;slug&gt;.en.md</c>), whose other fields come from the original.</summary>
    public bool IsTranslation { get; init; }

    /// <summary>Where each front-matter field's value is, for errors found after parsing.</summary>
    public ImmutableSortedDictionary<string, Publisher.Core.Diagnostics.SourceSpan> FieldLocations { get; init; } =
        ImmutableSortedDictionary<string, Publisher.Core.Diagnostics.SourceSpan>.Empty;

    /// <summary>The location of a field, or of the file when the field is absent.</summary>
    public Publisher.Core.Diagnostics.SourceSpan LocationOf(string field) =>
        FieldLocations.TryGetValue(field, out var location) ? location : new Publisher.Core.Diagnostics.SourceSpan(Source);

    /// <summary>The publication date, falling back to the issue date.</summary>
    public DateOnly? PublishedOrIssued => Published ?? Issued;
}
