using System.Text.RegularExpressions;
using Publisher.Core.Diagnostics;

namespace Publisher.Content.Model;

/// <summary>
/// What a content file's path says: <c>content/&lt;office&gt;/&lt;year&gt;/&lt;slug&gt;[.&lt;lang&gt;].md</c> for
/// documents and <c>content/pages/&lt;slug&gt;[.&lt;lang&gt;].md</c> for standalone pages.
/// </summary>
public sealed partial record ContentLocation
{
    /// <summary>The path relative to the site root, with forward slashes.</summary>
    public required string Source { get; init; }

    /// <summary>The language of the file.</summary>
    public required string Language { get; init; }

    /// <summary>The language-independent key: <c>ganquan-road/2021/report</c> or <c>pages/about</c>.</summary>
    public required string Key { get; init; }

    /// <summary>True for <c>&lt;slug&gt;.&lt;lang&gt;.md</c> in a language other than the default.</summary>
    public bool IsTranslation { get; init; }

    /// <summary>True for files under <c>content/pages/</c>.</summary>
    public bool IsStandalonePage { get; init; }

    /// <summary>The office folder, for documents.</summary>
    public string? OfficeFolder { get; init; }

    /// <summary>The year folder, for documents.</summary>
    public int? YearFolder { get; init; }

    /// <summary>The slug: the file name without language and extension.</summary>
    public required string Slug { get; init; }

    /// <summary>Reads the location from a path relative to the content folder.</summary>
    /// <param name="source">The path relative to the site root, for messages.</param>
    /// <param name="relativeToContent">The path relative to the content folder.</param>
    /// <param name="languages">The site's languages, the default first.</param>
    /// <exception cref="ContentException">The path does not follow the content layout.</exception>
    public static ContentLocation Parse(string source, string relativeToContent, IReadOnlyList<string> languages)
    {
        var segments = relativeToContent.Replace('\\', '/').Split('/');
        var fileName = Path.GetFileNameWithoutExtension(segments[^1]);
        var language = languages[0];
        var dot = fileName.LastIndexOf('.');
        var suffix = dot > 0 ? fileName[(dot + 1)..] : null;
        if (suffix is not null && languages.Contains(suffix))
        {
            language = suffix;
            fileName = fileName[..dot];
        }
        else if (suffix is not null && LanguageTag().IsMatch(suffix))
        {
            // Would fail as a slug with a dot in it; the editor is better told which setting leaves it out.
            throw new ContentException(
                "PUB0116",
                new SourceSpan(source),
                $"'{Path.GetFileName(source)}' is a translation into '{suffix}', a language the site does not publish.",
                $"Add \"{suffix}\" to \"languages\" in site.config.json, or move the file out of the content folder.");
        }

        CheckSlug(source, fileName);
        var isTranslation = language != languages[0];
        if (segments is ["pages", _])
        {
            return new ContentLocation { Source = source, Language = language, Key = $"pages/{fileName}", Slug = fileName, IsTranslation = isTranslation, IsStandalonePage = true };
        }

        if (segments.Length == 3 && int.TryParse(segments[1], out var year) && segments[1].Length == 4)
        {
            CheckSlug(source, segments[0]);
            return new ContentLocation
            {
                Source = source,
                Language = language,
                Key = $"{segments[0]}/{segments[1]}/{fileName}",
                Slug = fileName,
                IsTranslation = isTranslation,
                OfficeFolder = segments[0],
                YearFolder = year,
            };
        }

        throw new ContentException(
            "PUB0101",
            new SourceSpan(source),
            "the file is not where Publisher looks for documents.",
            "Put documents at content/<office>/<year>/<slug>.md and standalone pages at content/pages/<slug>.md.");
    }

    private static void CheckSlug(string source, string slug)
    {
        if (slug.Length == 0 || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ContentException(
                "PUB0106",
                new SourceSpan(source),
                $"'{slug}' cannot be used in a web address.",
                "Name files and folders with lower-case letters a-z, digits and '-', e.g. rule-of-law-report.md.");
        }
    }

    // A language tag as site.config.json writes them (en, zh-CN, zh-Hant); two letters, so report.bak.md is not one.
    [GeneratedRegex("^[a-z]{2}(-[A-Z]{2}|-[A-Z][a-z]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
