using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Publisher.Core.Text;
using RazorLight;
using RazorLight.Compilation;
using RazorLight.Generation;
using RazorLight.Internal.Buffering;

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

    private static readonly ConcurrentDictionary<Type, ModelTypeInfo> ModelTypeInfos = new();

    private readonly Lazy<(RazorLightEngine Engine, TemplateAssemblyCache? Cache)> _engine;
    private readonly UnwatchedFileSystemProject _project;

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
        _project = new UnwatchedFileSystemProject(Path.GetFullPath(Path.Combine(themeDirectory, "layouts")));
        var cache = cacheDirectory is null ? null : Path.Combine(Path.GetFullPath(cacheDirectory), CacheSubfolder);
        _engine = new(() => CreateEngine(_project, cache), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>How many templates were loaded from the disk cache (0 without a cache folder).</summary>
    internal int TemplatesLoaded => _engine.IsValueCreated ? _engine.Value.Cache?.Loaded ?? 0 : 0;

    /// <summary>How many templates were compiled with Roslyn into the disk cache (0 without a cache folder).</summary>
    internal int TemplatesCompiled => _engine.IsValueCreated ? _engine.Value.Cache?.Stored ?? 0 : 0;

    /// <summary>
    /// Compiles every template of the theme that the disk cache does not hold yet, so that a first build's Roslyn
    /// work runs beside its reading and parsing of documents instead of holding up its first pages.
    /// </summary>
    /// <remarks>
    /// One template at a time: the build's own work keeps the other cores busy, and two compilations at once held
    /// more memory for no shorter build. A template that fails to compile is left for its first render, which
    /// reports the error with the page that uses it. Without a cache folder nothing is done.
    /// </remarks>
    public async Task CompileMissingTemplatesAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_project.Root))
        {
            return;
        }

        var (engine, cache) = _engine.Value;
        if (cache is null)
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(_project.Root, "*" + _project.Extension))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Keyed as RazorLight keys a file-system template when it compiles it (a leading slash).
            var name = "/" + Path.GetFileName(file);
            try
            {
                if (!cache.Holds(cache.KeyOf(await _project.GetItemAsync(name).ConfigureAwait(false))))
                {
                    await engine.CompileTemplateAsync(name).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is RazorLightException or IOException or UnauthorizedAccessException)
            {
                // A head start only: the first render that uses the template meets the same problem and reports it.
            }
        }
    }

    /// <summary>Renders <paramref name="template"/> (a file name such as <c>Office.cshtml</c>) with a model.</summary>
    /// <remarks>
    /// Does what RazorLight's <c>RenderTemplateAsync</c> does (a page context, a <see cref="TemplateRenderer"/> over
    /// pooled buffers), with two differences that keep the text the same and make it cheaper. The page is rendered
    /// into a buffer of its written pieces, copied in one synchronous pass into a builder reused from page to page
    /// (<see cref="ReusedStringBuilder"/>): given any other writer, RazorLight copies the pieces through a
    /// <c>PagedBufferedTextWriter</c> with an awaited call for each of the few thousand pieces of a page, which was
    /// about 5% of a 10k-document full build's CPU (perf). And the model's <see cref="ModelTypeInfo"/> is made once
    /// per model type instead of once per page (it reflects over the type to tell anonymous types apart).
    /// </remarks>
    public async Task<string> RenderAsync<TModel>(string template, TModel model)
        where TModel : notnull
    {
        var engine = _engine.Value.Engine;
        var page = await engine.CompileTemplateAsync(template).ConfigureAwait(false);
        using var scope = new MemoryPoolViewBufferScope();
        var rendered = new ViewBuffer(scope, page.Key, ViewBuffer.ViewPageSize);
        var typeInfo = ModelTypeInfos.GetOrAdd(model.GetType(), static type => new ModelTypeInfo(type));
        var pageModel = typeInfo.CreateTemplateModel(model);
        page.SetModel(pageModel);
        page.PageContext = new PageContext(viewBag: null)
        {
            ExecutingPageKey = page.Key,
            Writer = new ViewBufferTextWriter(rendered, Encoding.UTF8),
            ModelTypeInfo = typeInfo,
            Model = pageModel,
        };

        // The writer above is a buffering ViewBufferTextWriter, so the renderer moves the finished page into
        // `rendered` instead of copying it out; its pieces live in the scope's pooled arrays until the scope ends.
        await new TemplateRenderer(engine.Handler, Encoder, scope).RenderAsync(page).ConfigureAwait(false);
        var builder = ReusedStringBuilder.Rent();
        using (var writer = new StringWriter(builder, CultureInfo.CurrentCulture))
        {
            rendered.WriteTo(writer, Encoder);
        }

        return ReusedStringBuilder.ToStringAndReturn(builder);
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
