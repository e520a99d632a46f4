using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Modules;
using Publisher.Search.Indexing;
using Publisher.Site.Model;
using Publisher.Site.Rendering;

namespace Publisher.Site.Modules;

/// <summary>
/// Writes the search index of one language (<c>/search/index/</c> for the default language,
/// <c>/en/search/index/</c> for English) and passes its inputs through. A language indexes the text written in
/// it: the English index has the English titles, summaries and translations, and the Chinese title of a
/// document that has no English one. Each file goes to disk as soon as it is made (the module returns them marked
/// written, without content): held as documents until written, the 52 MB of JSON of a 10,000-document site's
/// indexes were about twice that in strings, on top of their UTF-8 copies.
/// </summary>
/// <param name="language">The language whose index this module writes.</param>
public sealed class BuildSearchIndex(string language) : IModule
{
    /// <summary>The index folder under a language's root.</summary>
    public const string IndexFolder = "search/index/";

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var (folder, documents, site) = Plan(context, language);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var outputs = new List<Document>();
        void Sink(string path, ReadOnlySpan<byte> utf8)
        {
            var destination = folder + path;
            var hash = OutputFiles.Write(context, destination, utf8); // null only in a run that writes nothing, which saves no state
            lock (outputs)
            {
                files[path] = hash ?? string.Empty;
                outputs.Add(new Document { Destination = destination }.WithMetadata(WriteFiles.WrittenKey, true));
            }
        }

        var cache = context.OutputCache;
        var state = Patch(context, folder, documents, Sink, files, outputs);
        if (state is null)
        {
            var store = OpenStore(context, language);
            state = IndexWriter.Write(documents, Sink, store);
            store?.Commit();
        }

        if (cache is not null && context.WritesOutput)
        {
            SaveState(cache, state with { Files = files });
        }

        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. outputs.OrderBy(d => d.Destination, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Patches the previous build's index when few of its documents changed (<see cref="IndexPatcher"/>): only
    /// when this build may use the previous one's output, the index's state was saved by the build that published
    /// that output (every file's hash is the one the output cache recorded, and the file is there), and the patch
    /// succeeds. Null when the whole index must be written.
    /// </summary>
    private IndexState? Patch(IExecutionContext context, string folder, List<SearchDocument> documents, IndexFileSink sink, Dictionary<string, string> files, List<Document> outputs)
    {
        if (context.OutputCache is not { UsesPreviousBuild: true, IsIncremental: true } cache || !context.WritesOutput ||
            IndexState.Load(StatePath(cache), cache.Fingerprint) is not { } previous ||
            !StillPublished(cache, folder, previous.Files))
        {
            return null;
        }

        var kept = new List<string>();
        var state = IndexPatcher.TryPatch(previous, documents, path => ReadPrevious(cache, folder + path), sink, kept.Add);
        foreach (var path in kept)
        {
            cache.KeepPrevious(folder + path);
            files[path] = previous.Files[path];
            outputs.Add(new Document { Destination = folder + path }.WithMetadata(OutputCache.KeptKey, true));
        }

        return state;
    }

    /// <summary>
    /// True when every file of the previous index is the one the output cache recorded and is still in the output
    /// folder. One listing of the index's folder rather than a look-up of each file: at 50,000 documents the two
    /// indexes have 33,000 files, and looking each up took 0.25–0.4 s of every build. Not listed at all when no one
    /// else has written the output folder since the previous build (<see cref="OutputCache.OutputsUntouched"/>).
    /// </summary>
    private static bool StillPublished(OutputCache cache, string folder, IReadOnlyDictionary<string, string> files)
    {
        if (cache.OutputsUntouched)
        {
            return files.All(f => cache.RecordedContentHash(folder + f.Key) == f.Value);
        }

        var root = Path.Combine(cache.TargetDirectory, folder);
        var onDisk = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                onDisk.Add(file[root.Length..].Replace('\\', '/'));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return files.All(f => onDisk.Contains(f.Key) && cache.RecordedContentHash(folder + f.Key) == f.Value);
    }

    private static byte[]? ReadPrevious(OutputCache cache, string destination)
    {
        try
        {
            return File.ReadAllBytes(Path.Combine(cache.TargetDirectory, destination));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Saves what the next build into the same output folder needs to patch this index
    /// (<c>search-index-&lt;language&gt;-&lt;folder hash&gt;.state</c> in the cache folder). Saved before the build
    /// ends: if the build then fails, its output is not published and the state's hashes are not the output
    /// cache's, so the next build does not use it.
    /// </summary>
    private void SaveState(OutputCache cache, IndexState state)
    {
        try
        {
            state.Save(StatePath(cache), cache.Fingerprint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the next build's head start is lost: without a state it writes the whole index.
        }
    }

    private string StatePath(OutputCache cache) => cache.RecordPath("search-index-" + language + "-", ".state");

    /// <summary>
    /// The inputs key of one language's index (for <c>MemoizeAll</c>): its folder and the digest of every source
    /// (<see cref="SourceDigests.Site"/>; settings, theme strings, office records and code are in the fingerprint
    /// that is part of every key), since every field the index holds is made from those. An edit to a Chinese body
    /// changes the English index's key too, but the English index then finds none of its documents changed and
    /// keeps every file (<see cref="IndexPatcher"/>). Hashing every field of every document instead, so that the
    /// English index was kept without running, cost 0.7 s of CPU at 50,000 documents in every build.
    /// </summary>
    public static Func<IExecutionContext, string?> InputsKey(string language) => context =>
    {
        var site = SiteModelFactory.Create(context);
        var urls = new SiteUrls(site.Options.BasePath, site.Options.DefaultLanguage);
        return ContentHash.OfParts([urls.Prefix(language) + IndexFolder, SourceDigests.For(site, context).Site]);
    };

    /// <summary>
    /// The index's folder and documents. In an incremental build each document's analysis key is its source digest
    /// (<see cref="SourceDigests.ByDocument"/>: the body and summary are functions of the sources, and the code is in
    /// the fingerprint), for the kept terms and for telling changed documents without reading their bodies.
    /// </summary>
    private static (string Folder, List<SearchDocument> Documents, SiteModel Site) Plan(IExecutionContext context, string language)
    {
        var site = SiteModelFactory.Create(context);
        var strings = context.GetService<IReadOnlyDictionary<string, UiStrings>>();
        var urls = new SiteUrls(site.Options.BasePath, site.Options.DefaultLanguage);
        var documents = Documents(site, urls, language, strings[language]);
        if (context.OutputCache is not null)
        {
            var digests = SourceDigests.For(site, context).ByDocument;
            // A document with no text in this language (its body empty) has no key: hashed by its fields, it stays
            // unchanged when only its other language's source does.
            documents = [.. documents.Zip(Indexed(site), (d, source) => d.BodySource is null ? d : d with { AnalysisKey = digests.GetValueOrDefault(source.Key) })];
        }

        return (urls.Prefix(language) + IndexFolder, documents, site);
    }

    /// <summary>
    /// The analysed bodies of one language's documents, kept from build to build in <c>.publisher-cache/</c>
    /// (<c>search-terms-&lt;language&gt;.manifest</c> and its part files) under each document's source digest: a
    /// document's body and summary are functions of its sources, and the code is in the fingerprint, so a recalled
    /// analysis is the one a scan would give. The store is the index's own: it stays as it was when the index is
    /// kept, and it is read only when the build may use the previous one's cache
    /// (<see cref="OutputCache.UsesPreviousBuild"/>). None without a cache.
    /// </summary>
    private static BodyTermStore? OpenStore(IExecutionContext context, string language) =>
        context.OutputCache is { } cache
            ? BodyTermStore.Open(cache.CacheDirectory, "search-terms-" + language, cache.Fingerprint, cache.UsesPreviousBuild)
            : null;

    /// <summary>The site's documents in index order (a document's id is its position): newest first, standalone pages last.</summary>
    private static IEnumerable<SiteDocument> Indexed(SiteModel site) => site.Documents.Concat(site.Pages);

    /// <summary>The documents of one language's index, newest first, standalone pages last.</summary>
    internal static List<SearchDocument> Documents(SiteModel site, SiteUrls urls, string language, UiStrings t)
    {
        var defaultLanguage = site.Options.DefaultLanguage;
        return [.. Indexed(site).Select(d =>
        {
            var version = d.VersionIn(language, defaultLanguage);
            return new SearchDocument
            {
                Url = urls.Link(language, d.Path),
                Title = d.TitleIn(language, defaultLanguage).Text,
                BodySource = version is null ? null : () => version.PlainText,
                Summary = d.SummaryIn(language, defaultLanguage)?.Text,
                Office = d.Office?.Id,
                OfficeName = d.Office?.Name.In(language),
                Year = d.Item.Year,
                Kind = d.Item.Kind,
                KindName = t["kind." + d.Item.Kind],
                DocNumber = d.Item.DocNumber,
            };
        })];
    }
}
