using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Publisher.Core.Text;
using RazorLight;
using RazorLight.Compilation;
using RazorLight.Generation;

namespace Publisher.Site.Rendering;

/// <summary>
/// Renders pages with the theme's Razor layouts through RazorLight. Each template is compiled once per build
/// and shared by all threads; with a cache folder, the compiled templates are also kept on disk, so the next build
/// loads them instead of compiling again. The HTML encoder allows every Unicode range, so Chinese is written as
/// characters rather than <c>&amp;#x...;</c> entities; markup-significant characters are still encoded.
/// </summary>
public sealed class PageRenderer
{
    /// <summary>The sub-folder of the cache folder that holds compiled templates.</summary>
    public const string CacheSubfolder = "razor";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Lazy<(RazorLightEngine Engine, TemplateAssemblyCache? Cache)> _engine;

    /// <summary>Creates a renderer over the theme's <c>layouts</c> folder.</summary>
    /// <param name="themeDirectory">The theme folder; templates are read from its <c>layouts</c> sub-folder.</param>
    /// <param name="cacheDirectory">
    /// The build cache folder (<c>.publisher-cache</c>); compiled templates are kept in its <c>razor</c> sub-folder.
    /// Null compiles every template in memory, as RazorLight does by default.
    /// </param>
    /// <remarks>
    /// The folder is checked at once; the engine is made on the first render, so a build that renders nothing
    /// (nothing changed) does not load the Razor engine at all.
    /// </remarks>
    public PageRenderer(string themeDirectory, string? cacheDirectory = null)
    {
        var project = new UnwatchedFileSystemProject(Path.GetFullPath(Path.Combine(themeDirectory, "layouts")));
        var cache = cacheDirectory is null ? null : Path.Combine(Path.GetFullPath(cacheDirectory), CacheSubfolder);
        _engine = new(() => CreateEngine(project, cache), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>How many templates were loaded from the disk cache (0 without a cache folder).</summary>
    internal int TemplatesLoaded => _engine.IsValueCreated ? _engine.Value.Cache?.Loaded ?? 0 : 0;

    /// <summary>How many templates were compiled with Roslyn into the disk cache (0 without a cache folder).</summary>
    internal int TemplatesCompiled => _engine.IsValueCreated ? _engine.Value.Cache?.Stored ?? 0 : 0;

    /// <summary>Renders <paramref name="template"/> (a file name such as <c>Office.cshtml</c>) with a model.</summary>
    /// <remarks>
    /// Renders into a builder reused from page to page (<see cref="ReusedStringBuilder"/>) rather than RazorLight's
    /// <c>CompileRenderAsync</c>, whose new <see cref="StringWriter"/> per page grew by doubling; the same two
    /// calls are made (compile, then render into a writer), so the text is the same.
    /// </remarks>
    public async Task<string> RenderAsync<TModel>(string template, TModel model)
    {
        var engine = _engine.Value.Engine;
        var page = await engine.CompileTemplateAsync(template).ConfigureAwait(false);
        var builder = ReusedStringBuilder.Rent();
        try
        {
            using (var writer = new StringWriter(builder, CultureInfo.CurrentCulture))
            {
                await engine.RenderTemplateAsync(page, model, writer).ConfigureAwait(false);
            }

            return ReusedStringBuilder.ToStringAndReturn(builder);
        }
        catch
        {
            ReusedStringBuilder.Return(builder);
            throw;
        }
    }

    private static (RazorLightEngine Engine, TemplateAssemblyCache? Cache) CreateEngine(UnwatchedFileSystemProject project, string? cacheDirectory)
    {
        var operatingAssembly = typeof(PageRenderer).Assembly;
        var engine = new RazorLightEngineBuilder()
            .UseProject(project)
            .SetOperatingAssembly(operatingAssembly)
            .UseMemoryCachingProvider()
            .AddPrerenderCallbacks(page => ((TemplatePageBase)page).HtmlEncoder = Encoder)
            .Build();
        if (cacheDirectory is null)
        {
            return (engine, null);
        }

        // RazorLight's builder has no way to plug in a compiler or a pre-compile callback, so the engine is rebuilt
        // from the parts of the built one, as the builder assembles them: the options and caching provider are
        // public, the source generator is not (its Razor engine, DefaultRazorEngine, is internal to RazorLight).
        var options = engine.Options;
        var cache = new TemplateAssemblyCache(cacheDirectory, operatingAssembly, options.Namespaces);
        var roslyn = new RoslynCompilationService(new DefaultMetadataReferenceManager(options.AdditionalMetadataReferences, options.ExcludedAssemblies), operatingAssembly, cache);
        var compiler = new CachingTemplateCompiler(SourceGeneratorOf(engine), roslyn, project, options, cache);
        return (new RazorLightEngine(new EngineHandler(options, compiler, new TemplateFactoryProvider(), engine.Handler.Cache)), cache);
    }

    /// <summary>
    /// The source generator RazorLight's builder configured (Razor engine, project, default namespaces). It is only
    /// held in a private field of <see cref="RazorTemplateCompiler"/> in RazorLight 2.3.1; a test fails if a new
    /// version renames it.
    /// </summary>
    internal static RazorSourceGenerator SourceGeneratorOf(RazorLightEngine engine)
    {
        const string Field = "_razorSourceGenerator";
        var compiler = engine.Handler.Compiler as RazorTemplateCompiler
            ?? throw new InvalidOperationException($"RazorLight built a {engine.Handler.Compiler.GetType()} instead of a {nameof(RazorTemplateCompiler)}; update {nameof(PageRenderer)}.");
        return typeof(RazorTemplateCompiler).GetField(Field, BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(compiler) as RazorSourceGenerator
            ?? throw new InvalidOperationException($"RazorLight's {nameof(RazorTemplateCompiler)} has no {Field} field any more; update {nameof(PageRenderer)}.");
    }
}
