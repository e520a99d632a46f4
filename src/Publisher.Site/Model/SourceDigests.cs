using System.IO.Hashing;
using System.Runtime.CompilerServices;
using Publisher.Content;
using Publisher.Content.Model;
using Publisher.Core.Caching;
using Publisher.Core.Execution;
using Publisher.Site.Pipelines;

namespace Publisher.Site.Model;

/// <summary>
/// The inputs of pages, for incremental builds. Everything a page may read besides documents (settings, theme,
/// every office record, code) is in the build fingerprint, part of every key. A document page shows only its own
/// document (original and translations), its office and its attachments: the hash of those source files is its
/// key. A page that lists documents is keyed by the documents it can show: an office's pages (office page,
/// catalogue pages) by the digest of that office's documents (<see cref="OfficeKey"/>), a year page by the digest
/// of the documents covering that year (<see cref="YearKey"/>); pages made from the whole site (home, offices and
/// years indexes, data, search, 404) by the digest of every document (<see cref="Site"/>).
/// </summary>
/// <param name="ByDocument">Document key → hash of the document's own source files.</param>
/// <param name="Site">A hash of every document's key and sources.</param>
public sealed record SourceDigests(IReadOnlyDictionary<string, string> ByDocument, string Site)
{
    private static readonly ConditionalWeakTable<SiteModel, SourceDigests> Computed = [];

    /// <summary>Office id → hash of the office's documents (keys and sources, in list order).</summary>
    public IReadOnlyDictionary<string, string> ByOffice { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Office id → hash of the front matter of the office's documents (keys and each version's front matter, in list
    /// order): what a disclosure catalogue shows, so a body edit keeps the office's catalogue pages.
    /// </summary>
    public IReadOnlyDictionary<string, string> ByOfficeFrontMatter { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// A hash of the front matter of every document (not the standalone pages), in the site's order: what the open
    /// data export is made from (<see cref="Modules.GenerateDataExport"/>), with the settings and office records.
    /// </summary>
    public string DocumentsFrontMatter { get; init; } = string.Empty;

    /// <summary>Year → hash of the documents covering it (keys and sources, in list order).</summary>
    public IReadOnlyDictionary<int, string> ByYear { get; init; } = new Dictionary<int, string>();

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

    /// <summary>The inputs key of a page that shows documents from the whole site.</summary>
    public string ListPageKey(OutputCache cache, string destination, string template) =>
        PageKey(cache, destination, template, "site", Site);

    /// <summary>The inputs key of a page that shows one office's documents (office page, catalogue pages).</summary>
    public string OfficeKey(OutputCache cache, string destination, string template, Office office) =>
        PageKey(cache, destination, template, "office:" + office.Id, ByOffice.GetValueOrDefault(office.Id, "none"));

    /// <summary>
    /// The inputs key of an office's catalogue page, which shows only front matter fields of the office's documents
    /// (titles, numbers, dates, categories, validity) and their count: keyed by their front matter. If the
    /// catalogue template starts to show anything from a body, key it by <see cref="OfficeKey"/> again.
    /// </summary>
    public string CatalogueKey(OutputCache cache, string destination, string template, Office office) =>
        PageKey(cache, destination, template, "catalogue:" + office.Id, ByOfficeFrontMatter.GetValueOrDefault(office.Id, "none"));

    /// <summary>The inputs key of a page that shows the documents covering one year.</summary>
    public string YearKey(OutputCache cache, string destination, string template, int year) =>
        PageKey(cache, destination, template, "year:" + year.ToString(System.Globalization.CultureInfo.InvariantCulture), ByYear.GetValueOrDefault(year, "none"));

    /// <summary>
    /// The inputs key of a page that shows nothing of any document but a few values drawn from all of them (the
    /// search page's filter options, the data page's years): keyed by those values, so an edit that leaves them as
    /// they were keeps the page. Keyed by every source, as pages made from the whole site are, they were made again
    /// after every edit.
    /// </summary>
    public static string ValuesKey(OutputCache cache, string destination, string template, IEnumerable<string> values) =>
        ContentHash.OfParts([cache.Fingerprint, "values-page", template, destination, .. values]);

    /// <summary>The digest of the documents a list shows (their keys and sources, in list order).</summary>
    public string Listed(IEnumerable<SiteDocument> documents)
    {
        var hash = new XxHash128();
        foreach (var document in documents)
        {
            Append(hash, document.Key, ByDocument.GetValueOrDefault(document.Key, "none"));
        }

        return ContentHash.Digest(hash);
    }

    private static string PageKey(OutputCache cache, string destination, string template, string scope, string digest) =>
        ContentHash.OfParts([cache.Fingerprint, "list-page", template, destination, scope, digest]);

    private static SourceDigests Compute(SiteModel site, IExecutionContext context)
    {
        // ReadContentFiles hashed every Markdown and office file as it read it; only attachments are read here. Loops
        // and one hasher rather than LINQ groupings and a list of parts for each document: this runs in every build,
        // and at 10,000 documents it was 7% of the CPU of a one-edit rebuild.
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var frontMatter = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in context.GetOutputs(nameof(DocumentsPipeline)))
        {
            if (document.Get<string>(ContentKeys.SourceHash) is { } hash)
            {
                hashes.TryAdd(document.Source, hash);
            }

            if (document.Get<string>(ContentKeys.FrontMatterHash) is { } frontMatterHash)
            {
                frontMatter.TryAdd(document.Source, frontMatterHash);
            }
        }

        foreach (var office in context.GetOutputs(nameof(OfficesPipeline)))
        {
            if (office.Get<string>(ContentKeys.SourceHash) is { } hash)
            {
                hashes.TryAdd(office.Source, hash);
            }
        }

        string HashOf(string source) =>
            hashes.TryGetValue(source, out var hash) ? hash : ContentHash.OfFile(Path.Combine(context.InputDirectory, source));

        var documents = site.Documents.Concat(site.Pages).ToList();
        var digests = new string[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism }, () => new XxHash128(), (i, _, hash) =>
        {
            var document = documents[i];
            Append(hash, document.Original.Item.Source, HashOf(document.Original.Item.Source));
            foreach (var (language, translation) in document.Translations)
            {
                Append(hash, language + ":" + translation.Item.Source, HashOf(translation.Item.Source));
            }

            if (document.Office is { } office)
            {
                Append(hash, office.Source, HashOf(office.Source));
            }

            // Attachments are not read before pages are planned: hash them here (a missing one hashes as "missing"),
            // or recall the hash of one unchanged since the previous build.
            var folder = Path.GetDirectoryName(document.Original.Item.Source)!.Replace('\\', '/');
            foreach (var attachment in document.Original.Item.Attachments)
            {
                var file = folder + "/" + attachment.File;
                Append(hash, file, context.OutputCache!.Sources.HashOfFile(file, Path.Combine(context.InputDirectory, file)));
            }

            digests[i] = ContentHash.Digest(hash);
            return hash;
        }, _ => { });
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            keys[documents[i].Key] = digests[i];
        }

        string Digest(IEnumerable<SiteDocument> listed)
        {
            var hash = new XxHash128();
            foreach (var document in listed)
            {
                Append(hash, document.Key, keys[document.Key]);
            }

            return ContentHash.Digest(hash);
        }

        string FrontMatterOf(string source) => frontMatter.TryGetValue(source, out var hash) ? hash : HashOf(source); // no front matter hash: the whole source
        string FrontMatterDigest(IEnumerable<SiteDocument> listed)
        {
            var hash = new XxHash128();
            foreach (var document in listed)
            {
                Append(hash, document.Key, document.Original.Item.Source);
                ContentHash.AppendPart(hash, FrontMatterOf(document.Original.Item.Source));
                foreach (var (language, translation) in document.Translations)
                {
                    Append(hash, language + ":" + translation.Item.Source, FrontMatterOf(translation.Item.Source));
                }
            }

            return ContentHash.Digest(hash);
        }

        // Every document in the site's order (newest first, standalone pages last), which the sources decide.
        return new SourceDigests(keys, Digest(documents))
        {
            ByOffice = site.Offices.ToDictionary(o => o.Id, o => Digest(site.DocumentsOf(o)), StringComparer.Ordinal),
            ByOfficeFrontMatter = site.Offices.ToDictionary(o => o.Id, o => FrontMatterDigest(site.DocumentsOf(o)), StringComparer.Ordinal),
            ByYear = site.Years.ToDictionary(y => y, y => Digest(site.DocumentsIn(y))),
            DocumentsFrontMatter = FrontMatterDigest(site.Documents),
        };
    }

    private static void Append(XxHash128 hash, string first, string second)
    {
        ContentHash.AppendPart(hash, first);
        ContentHash.AppendPart(hash, second);
    }
}
