using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Publisher.Content.Configuration;
using Publisher.Content.Markdown;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Pipelines;
using Publisher.Site.Pipelines;
using Publisher.Site.Rendering;

namespace Publisher.Site;

/// <summary>
/// Builds a site: loads settings and theme texts, runs the pipelines into a staging folder, and swaps the result
/// in only when there was no error, so a failed build leaves the previous output exactly as it was.
/// </summary>
public static class SiteBuilder
{
    /// <summary>What to build and how.</summary>
    /// <param name="ConfigPath">The path of <c>site.config.json</c>; the site root is its folder.</param>
    /// <param name="OutputDirectory">Overrides the output folder of the settings.</param>
    /// <param name="BaseUrl">Overrides the base URL of the settings.</param>
    /// <param name="MaxDegreeOfParallelism">How many documents are processed at once; defaults to the cores.</param>
    /// <param name="Incremental">Reuse unchanged outputs recorded in <c>.publisher-cache/</c>; false builds everything.</param>
    /// <param name="WriteOutput">False runs every step except the Output phase and writes no output (<c>publisher check</c>); compiled templates are still cached in <c>.publisher-cache/razor/</c>.</param>
    /// <param name="Memory">What a process that builds again and again (the preview server) keeps from one build to the next (<see cref="BuildMemory"/>); null for a single build.</param>
    /// <param name="OutputsUntouched">True when only this process's previous build has written the output folder since (<see cref="OutputCache.OutputsUntouched"/>): outputs it recorded are not looked up on disk.</param>
    /// <param name="ExitsAfterBuild">True when the process ends after this build (the command line): an incremental build then runs without stopping for the garbage collector (<see cref="NoCollectionScope"/>).</param>
    public sealed record Request(string ConfigPath, string? OutputDirectory = null, string? BaseUrl = null, int? MaxDegreeOfParallelism = null, bool Incremental = true, bool WriteOutput = true, BuildMemory? Memory = null, bool OutputsUntouched = false, bool ExitsAfterBuild = false);

    /// <summary>
    /// The most an incremental build of a process that then ends may allocate before the collector runs: a build
    /// that changed one of 10,000 documents allocates about 270 MB. A full build does not run in a region at all: it
    /// allocates gigabytes, and holding them would undo its peak-memory budget. Nor does a build after a change to
    /// the code, settings, theme or office records, which renders every page again as a full build does (in a
    /// region, such a build of 10,000 documents peaked at 700 MB, against 300 MB for a full build).
    /// </summary>
    private const long IncrementalBuildAllocations = 512L << 20;

    /// <summary>
    /// What an incremental build allocates per byte of the previous build's record of its outputs, about: 270 MB for
    /// a 3.0 MB record (28,555 outputs) at 10,000 documents, 1.3 GB for 14.5 MB at 50,000 (one file edited). A build
    /// expected to allocate more than <see cref="IncrementalBuildAllocations"/> runs without a region: it would use
    /// the region up half-way, and the collection that ends a region goes through everything allocated in it (at
    /// 50,000 documents the one-edit build paused 2.0–2.2 s in a region and 1.4 s without, and took 5.9–6.2 s
    /// against 5.5–5.7 s).
    /// </summary>
    private const long AllocatedPerRecordByte = 90;

    /// <summary>The <c>--timings</c> entry of the last step: the staged output put in place of the site and the build record saved.</summary>
    public const string SyncTimingKey = "Site/Commit/SyncOutputFolder";

    /// <summary>The cache folder beside the settings file (ignored by git).</summary>
    public const string CacheFolder = ".publisher-cache";

    /// <summary>The pipelines of a standard site.</summary>
    public static IReadOnlyList<IPipeline> Pipelines(SiteOptions options) =>
    [
        new OfficesPipeline(options),
        new DocumentsPipeline(options),
        new SearchIndexPipeline(options),
        new PagesPipeline(),
        new TransparencyPipeline(),
        new SiteFilesPipeline(),
        new AssetsPipeline(),
        new SearchPagePipeline(),
        new AttachmentsPipeline(),
        new SchemasPipeline(),
    ];

    /// <summary>Builds the site; never throws for content errors (they are in the result's diagnostics).</summary>
    public static async Task<BuildResult> BuildAsync(Request request, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var root = Path.GetDirectoryName(Path.GetFullPath(request.ConfigPath))!;
        SiteOptions options;
        IReadOnlyDictionary<string, UiStrings> strings;
        try
        {
            options = SiteOptionsLoader.Load(request.ConfigPath);
            options = options with
            {
                OutputDirectory = request.OutputDirectory ?? options.OutputDirectory,
                BaseUrl = request.BaseUrl is { } baseUrl ? (baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/") : options.BaseUrl,
            };
            strings = UiStrings.Load(Path.Combine(root, options.ThemeDirectory), options.Languages, root);
        }
        catch (ContentException ex)
        {
            return new BuildResult([ex.Diagnostic], new BuildStatistics(), TimeSpan.Zero, ImmutableDictionary<string, IReadOnlyList<Core.Documents.Document>>.Empty);
        }

        if (!request.WriteOutput)
        {
            return await CheckAsync(request, root, options, strings, cancellationToken).ConfigureAwait(false);
        }

        var target = Path.Combine(root, options.OutputDirectory);
        var cacheFolder = Path.Combine(root, CacheFolder);
        var fingerprint = Fingerprint(root, options);
        request.Memory?.Decoded.StartBuild();
        // Rendered bodies and the notes made wait on disk for their page, index or save (SpillFile), not on the heap.
        using var spill = SpillFile.Create(cacheFolder);
        var cache = request.Incremental ? OutputCache.Open(cacheFolder, target, fingerprint, request.Memory, spill, request.OutputsUntouched) : OutputCache.OpenForCleanBuild(cacheFolder, target, fingerprint, spill);

        // Not ended when the build is done: the process ends right after it, and ending the region would only hand
        // the collector everything allocated in it.
        _ = request.ExitsAfterBuild && cache.FingerprintUnchanged && cache.PreviousRecordLength * AllocatedPerRecordByte <= IncrementalBuildAllocations
            ? NoCollectionScope.TryBegin(IncrementalBuildAllocations)
            : null;
        var output = StagedOutput.Begin(target);
        try
        {
            var renderer = NewPageRenderer(root, options);
            var engine = CreateEngine(request, root, output.Staging, options, strings, renderer, cache, spill);
            // A build with no record of this output folder, or after a change to the code, settings or theme,
            // renders every page: templates not compiled yet (an edited one) are compiled beside the documents'
            // reading and parsing rather than when the first pages need them.
            var templates = cache.FingerprintUnchanged ? Task.CompletedTask : Task.Run(() => renderer.CompileMissingTemplatesAsync(cancellationToken), cancellationToken);
            var result = await engine.RunAsync(Pipelines(options), cancellationToken).ConfigureAwait(false);
            await templates.ConfigureAwait(false);
            if (result.Succeeded)
            {
                var syncStarted = Stopwatch.GetTimestamp();
                output.CommitIncremental(cache);
                result.Statistics.AddModuleRun(SyncTimingKey, syncStarted);
            }
            else
            {
                output.Abandon();
            }

            // The time a user waited: settings, engine, and putting the site in place (with --clean, removing the old one).
            return result with { Elapsed = Stopwatch.GetElapsedTime(started) };
        }
        catch
        {
            output.Abandon();
            throw;
        }
    }

    /// <summary>
    /// A hash of what every output may depend on besides its own sources: Publisher's code, the settings, every
    /// theme file (layouts, strings, assets) and every office record. Part of every page's inputs key.
    /// </summary>
    internal static string Fingerprint(string root, SiteOptions options)
    {
        var parts = new List<string> { "publisher-fingerprint 1", JsonSerializer.Serialize(options) };
        parts.AddRange(PublisherAssemblies().Select(a => a.GetName().Name + ":" + a.ManifestModule.ModuleVersionId).Order(StringComparer.Ordinal));
        foreach (var folder in new[] { Path.Combine(root, options.ThemeDirectory), Path.Combine(root, options.ContentDirectory, "offices") })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                parts.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
                parts.Add(ContentHash.OfFile(file));
            }
        }

        return ContentHash.OfParts(parts);
    }

    /// <summary>
    /// This assembly and every Publisher assembly it references, directly or not: the code a build runs. Not the
    /// assemblies loaded so far, which grow as a process builds (a preview server or a test host would otherwise
    /// see a new fingerprint, and rebuild everything, on its second build).
    /// </summary>
    private static IEnumerable<Assembly> PublisherAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(SiteBuilder).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (found.TryAdd(assembly.GetName().Name!, assembly))
            {
                foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name?.StartsWith("Publisher.", StringComparison.Ordinal) == true))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }

        return found.Values;
    }

    private static Engine CreateEngine(Request request, string root, string outputDirectory, SiteOptions options, IReadOnlyDictionary<string, UiStrings> strings, PageRenderer renderer, OutputCache? cache = null, SpillFile? spill = null) =>
        new(new EngineOptions
        {
            InputDirectory = root,
            OutputDirectory = outputDirectory,
            OutputCache = cache,
            Spill = spill,
            WritesOutput = request.WriteOutput,
            MaxDegreeOfParallelism = request.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
            Services = new Dictionary<Type, object>
            {
                [typeof(SiteOptions)] = options,
                [typeof(MarkdownRenderer)] = new MarkdownRenderer(options),
                [typeof(PageRenderer)] = renderer,
                [typeof(IReadOnlyDictionary<string, UiStrings>)] = strings,
            },
        });

    private static PageRenderer NewPageRenderer(string root, SiteOptions options) =>
        new(Path.Combine(root, options.ThemeDirectory), Path.Combine(root, CacheFolder));

    private static async Task<BuildResult> CheckAsync(Request request, string root, SiteOptions options, IReadOnlyDictionary<string, UiStrings> strings, CancellationToken cancellationToken)
    {
        // The Output phase is skipped, so nothing is written; the folder is only named for modules that ask for it.
        var nowhere = Path.Combine(Path.GetTempPath(), "publisher-check-" + Guid.NewGuid().ToString("N"));
        try
        {
            var engine = CreateEngine(request, root, nowhere, options, strings, NewPageRenderer(root, options));
            return await engine.RunAsync([.. Pipelines(options).Select(p => new WithoutOutputPipeline(p))], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(nowhere))
            {
                Directory.Delete(nowhere, recursive: true);
            }
        }
    }
}
