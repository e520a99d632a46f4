using System.Text.Encodings.Web;
using System.Text.Unicode;
using RazorLight;

namespace Publisher.Site.Rendering;

/// <summary>
/// Renders pages with the theme's Razor layouts through RazorLight. Each template is compiled once per build
/// and shared by all threads. The HTML encoder allows every Unicode range, so Chinese is written as characters
/// rather than <c>&amp;#x...;</c> entities; markup-significant characters are still encoded.
/// </summary>
public sealed class PageRenderer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly RazorLightEngine _engine;

    /// <summary>Creates a renderer over the theme's <c>layouts</c> folder.</summary>
    public PageRenderer(string themeDirectory)
    {
        _engine = new RazorLightEngineBuilder()
            .UseFileSystemProject(Path.GetFullPath(Path.Combine(themeDirectory, "layouts")))
            .SetOperatingAssembly(typeof(PageRenderer).Assembly)
            .UseMemoryCachingProvider()
            .AddPrerenderCallbacks(page => ((TemplatePageBase)page).HtmlEncoder = Encoder)
            .Build();
    }

    /// <summary>Renders <paramref name="template"/> (a file name such as <c>Office.cshtml</c>) with a model.</summary>
    public Task<string> RenderAsync<TModel>(string template, TModel model) => _engine.CompileRenderAsync(template, model);
}
