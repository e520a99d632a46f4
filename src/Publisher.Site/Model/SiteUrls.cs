namespace Publisher.Site.Model;

/// <summary>
/// Builds the site's addresses. A path is language-neutral and relative (<c>offices/ganquan-road/</c>); the
/// default language lives at the root and the others under <c>/&lt;lang&gt;/</c>; every link carries the base path
/// so the site works when served under <c>/repo/</c>.
/// </summary>
/// <param name="basePath">The base path, starting and ending with '/'.</param>
/// <param name="defaultLanguage">The language served at the root.</param>
/// <param name="assetNames">
/// The fingerprinted name of each theme asset that has one, by its path under <c>assets/</c> (<c>css/site.css</c> →
/// <c>assets/css/site.3f9a0c12be.css</c>; <see cref="Modules.FingerprintAssets.Names"/>); none for links that
/// never reach a page.
/// </param>
public sealed class SiteUrls(string basePath, string defaultLanguage, IReadOnlyDictionary<string, string>? assetNames = null)
{
    /// <summary>The folder prefix of a language: empty for the default, <c>en/</c> for English.</summary>
    public string Prefix(string language) => language == defaultLanguage ? string.Empty : LanguageSegment(language) + "/";

    /// <summary>The link to a page: <c>/base/en/offices/</c>.</summary>
    public string Link(string language, string path) => basePath + Prefix(language) + path;

    /// <summary>The link to a theme asset, shared by all languages: its fingerprinted name when it has one.</summary>
    public string Asset(string path) =>
        basePath + (assetNames is not null && assetNames.TryGetValue(path, out var fingerprinted) ? fingerprinted : "assets/" + path);

    /// <summary>The file a page is written to: <c>en/offices/index.html</c>.</summary>
    public string OutputFile(string language, string path) =>
        Prefix(language) + (path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path);

    /// <summary>The URL segment for a language: en, zh-cn.</summary>
    public static string LanguageSegment(string language) => language.ToLowerInvariant();
}
