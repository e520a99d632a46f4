using System.Collections.Immutable;
using Publisher.Content.Markdown;
using Publisher.Content.Model;

namespace Publisher.Site.Model;

/// <summary>One language version of a document, ready to render.</summary>
/// <param name="Item">Its front matter (for a translation, only title and summary are its own).</param>
/// <param name="Body">The rendered body.</param>
public sealed record SiteDocumentVersion(ContentItem Item, MarkdownBody Body)
{
    /// <summary>The rendered body (made on first use when an earlier build rendered the same source).</summary>
    public string BodyHtml => Body.Html;

    /// <summary>The body's headings.</summary>
    public ImmutableArray<Heading> Headings => Body.Headings;

    /// <summary>The body as plain text.</summary>
    public string PlainText => Body.PlainText;

    /// <summary>The hash of its source file's bytes, as read (null when not known: the file is hashed when asked for).</summary>
    public string? SourceHash { get; init; }

    /// <summary>The hash of its front matter alone (null when not known: the source's hash stands for it).</summary>
    public string? FrontMatterHash { get; init; }
}

/// <summary>A document with all its language versions: the original and any translations.</summary>
public sealed record SiteDocument
{
    private readonly string _key = string.Empty;
    private string? _path;

    /// <summary>The language-independent key (<c>ganquan-road/2021/report</c>).</summary>
    public required string Key
    {
        get => _key;
        init
        {
            _key = value;
            _path = null;
        }
    }

    /// <summary>The original, in the site's default language.</summary>
    public required SiteDocumentVersion Original { get; init; }

    /// <summary>Translations by language.</summary>
    public ImmutableSortedDictionary<string, SiteDocumentVersion> Translations { get; init; } =
        ImmutableSortedDictionary<string, SiteDocumentVersion>.Empty;

    /// <summary>The issuing office, null for standalone pages.</summary>
    public Office? Office { get; init; }

    /// <summary>The front matter of the original (all metadata lives there).</summary>
    public ContentItem Item => Original.Item;

    /// <summary>True for standalone pages such as the accessibility statement.</summary>
    public bool IsStandalonePage => Key.StartsWith("pages/", StringComparison.Ordinal);

    /// <summary>The URL path without base or language prefix: <c>ganquan-road/2021/report/</c> or <c>about/</c>.</summary>
    public string Path => _path ??= IsStandalonePage ? Key["pages/".Length..] + "/" : Key + "/";

    /// <summary>The version written in <paramref name="language"/>, or null when there is none.</summary>
    public SiteDocumentVersion? VersionIn(string language, string defaultLanguage) =>
        language == defaultLanguage ? Original : Translations.GetValueOrDefault(language);

    /// <summary>The title to show in <paramref name="language"/>, and the language it is actually written in.</summary>
    public (string Text, string Language) TitleIn(string language, string defaultLanguage)
    {
        if (language == defaultLanguage)
        {
            return (Item.Title, defaultLanguage);
        }

        if (Translations.TryGetValue(language, out var translation))
        {
            return (translation.Item.Title, language);
        }

        return language == "en" && Item.TitleEn is { } english ? (english, "en") : (Item.Title, defaultLanguage);
    }

    /// <summary>The summary to show in <paramref name="language"/>, and its language; null when none exists.</summary>
    public (string Text, string Language)? SummaryIn(string language, string defaultLanguage)
    {
        if (language == defaultLanguage)
        {
            return Item.Summary is { } summary ? (summary, defaultLanguage) : null;
        }

        if (Translations.TryGetValue(language, out var translation) && translation.Item.Summary is { } translated)
        {
            return (translated, language);
        }

        return language == "en" && Item.SummaryEn is { } english ? (english, "en") : null;
    }
}
