using System.Collections.Immutable;
using System.Globalization;
using Publisher.Site.Model;

namespace Publisher.Site.Rendering;

/// <summary>What every page's layout needs: language, texts, title, breadcrumbs, alternates and link helpers.</summary>
public abstract class PageModel
{
    private IReadOnlyList<AlternateLink>? _alternates;

    /// <summary>The site being rendered.</summary>
    public required SiteModel Site { get; init; }

    /// <summary>The page's language.</summary>
    public required string Language { get; init; }

    /// <summary>Interface texts in the page's language.</summary>
    public required UiStrings T { get; init; }

    /// <summary>Builds links.</summary>
    public required SiteUrls Urls { get; init; }

    /// <summary>The language-neutral path of the page (<c>offices/</c>); empty for home.</summary>
    public required string Path { get; init; }

    /// <summary>The page's heading and title.</summary>
    public required string Title { get; init; }

    /// <summary>The language of <see cref="Title"/> when it differs from the page's (a Chinese title on an English page).</summary>
    public string? TitleLanguage { get; init; }

    /// <summary>A one-line description for search engines.</summary>
    public string? Description { get; init; }

    /// <summary>Breadcrumbs above the heading, without the current page.</summary>
    public ImmutableArray<Link> Breadcrumbs { get; init; } = [];

    /// <summary>True for pages that should not be indexed by search engines or have alternates (the 404 page).</summary>
    public bool IsErrorPage { get; init; }

    /// <summary>The site's title in this language.</summary>
    public string SiteTitle => Site.Options.TitleIn(Language);

    /// <summary>The page in every language (made once: the layout lists them in the head and in the header).</summary>
    public IReadOnlyList<AlternateLink> Alternates => _alternates ??=
        [.. Site.Options.Languages.Select(l => new AlternateLink(
            l,
            Urls.Link(l, Path),
            AbsoluteUrl(l, Path),
            T["language.name." + l],
            l == Language))];

    /// <summary>The absolute address of this page.</summary>
    public string CanonicalUrl => AbsoluteUrl(Language, Path);

    /// <summary>A link to a page in this language.</summary>
    public string Link(string path) => Urls.Link(Language, path);

    /// <summary>A link to a theme asset.</summary>
    public string Asset(string path) => Urls.Asset(path);

    /// <summary>A date as yyyy-mm-dd for <c>&lt;time datetime&gt;</c>.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as readers of this language write it: 2021年12月3日, or 3 December 2021.</summary>
    public string DisplayDate(DateOnly date) =>
        Language.StartsWith("zh", StringComparison.Ordinal)
            ? $"{date.Year}年{date.Month}月{date.Day}日"
            : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The lang attribute to put on text written in <paramref name="textLanguage"/>, or empty when it is the page's.</summary>
    public string LangAttribute(string? textLanguage) =>
        textLanguage is null || textLanguage == Language ? string.Empty : textLanguage;

    private string AbsoluteUrl(string language, string path) => Model.AbsoluteUrl.Of(Site.Options.BaseUrl, Urls.Link(language, path));
}
