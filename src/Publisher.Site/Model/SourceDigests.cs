using System.Runtime.CompilerServices;
using Publisher.Core.Caching;
using Publisher.Core.Execution;

namespace Publisher.Site.Model;

/// <summary>
/// The inputs of pages, for incremental builds. A document page shows only its own document (original and
/// translations), its office and its attachments, plus what the build fingerprint covers (settings, theme, all
/// offices, code): the hash of those source files is its key. A page that lists many documents (home, office,
/// year, catalogue, search, data pages) depends on every source: its key is the digest of all document keys, so
/// list pages are kept when no source changed and rendered again when any did.
/// </summary>
/// <param name="ByDocument">Document key → hash of the document's own source files.</param>
/// <param name="Site">A hash of every document's key and sources.</param>
public sealed record SourceDigests(IReadOnlyDictionary<string, string> ByDocument, string Site)
{
    private static readonly ConditionalWeakTable<SiteModel, SourceDigests> Computed = [];

    /// <summary>The digests of a site model, computed once per model; empty when the build is not incremental.</summary>
    public static SourceDigests For(SiteModel site, IExecutionContext context)
    {
        if (context.OutputCache is null)
        {
            return new SourceDigests(new Dictionary<string, string>(StringComparer.Ordinal), string.Empty);
        }

        lock (Computed)
        {
            if (!Computed.TryGetValue(site, out var digests))
            {
                digests = Compute(site, context);
                Computed.Add(site, digests);
            }

            return digests;
        }
    }

    /// <summary>The digest of every source of the site being built (for <c>MemoizeAll</c>).</summary>
    public static string SiteKey(IExecutionContext context) => For(SiteModelFactory.Create(context), context).Site;

    /// <summary>The inputs key of a page that shows many documents.</summary>
    public string ListPageKey(OutputCache cache, string destination, string template) =>
        ContentHash.OfParts([cache.Fingerprint, "list-page", template, destination, Site]);

    private static SourceDigests Compute(SiteModel site, IExecutionContext context)
    {
        var documents = site.Documents.Concat(site.Pages).ToList();
        var hashes = new string[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism }, i =>
        {
            var document = documents[i];
            var sources = new List<string> { document.Original.Item.Source };
            sources.AddRange(document.Translations.Select(t => t.Key + ":" + t.Value.Item.Source));
            if (document.Office is { } office)
            {
                sources.Add(office.Source);
            }

            var folder = Path.GetDirectoryName(document.Original.Item.Source)!.Replace('\\', '/');
            sources.AddRange(document.Original.Item.Attachments.Select(a => folder + "/" + a.File).Where(f => File.Exists(Path.Combine(context.InputDirectory, f))));

            hashes[i] = ContentHash.OfParts(sources.SelectMany(s => new[] { s, ContentHash.OfFile(Path.Combine(context.InputDirectory, s[(s.IndexOf(':', StringComparison.Ordinal) + 1)..])) }));
        });
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            keys[documents[i].Key] = hashes[i];
        }

        var all = ContentHash.OfParts(keys.OrderBy(k => k.Key, StringComparer.Ordinal).SelectMany(k => new[] { k.Key, k.Value }));
        return new SourceDigests(keys, all);
    }
}
