using System.Collections.Immutable;

namespace Publisher.Content.Configuration;

/// <summary>The site settings of <c>site.config.json</c>, frozen after loading.</summary>
public sealed record SiteOptions
{
    /// <summary>The site title per language code.</summary>
    public ImmutableSortedDictionary<string, string> Title { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The public address the site is served from, ending in '/'; may include a base path (<c>/repo/</c>).</summary>
    public string BaseUrl { get; init; } = "http://localhost/";

    /// <summary>The language served at the root; the others are served under <c>/&lt;lang&gt;/</c>.</summary>
    public string DefaultLanguage { get; init; } = "zh-CN";

    /// <summary>All languages, the default first.</summary>
    public ImmutableArray<string> Languages { get; init; } = ["zh-CN", "en"];

    /// <summary>Content folder, relative to the site root.</summary>
    public string ContentDirectory { get; init; } = "content";

    /// <summary>Theme folder, relative to the site root.</summary>
    public string ThemeDirectory { get; init; } = "themes/default";

    /// <summary>Output folder, relative to the site root.</summary>
    public string OutputDirectory { get; init; } = "_site";

    /// <summary>Hosts from which raw HTML in Markdown may embed an <c>iframe</c>.</summary>
    public ImmutableArray<string> IframeHosts { get; init; } = [];

    /// <summary>Largest content file accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>The language of messages to editors (<c>publisher check</c>, <c>serve</c>): zh-CN or en.</summary>
    public string EditorLanguage { get; init; } = "zh-CN";

    /// <summary>The path part of <see cref="BaseUrl"/>, always starting and ending with '/'.</summary>
    public string BasePath
    {
        get
        {
            var path = Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/";
            return path.EndsWith('/') ? path : path + "/";
        }
    }

    /// <summary>The site title in a language, falling back to the default language.</summary>
    public string TitleIn(string language) =>
        Title.TryGetValue(language, out var title) ? title : Title.GetValueOrDefault(DefaultLanguage, "Publisher");
}
