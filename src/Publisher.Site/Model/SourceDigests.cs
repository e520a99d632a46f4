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
        // ReadContentFiles hashed every Markdown and office file as it read it (each version carries its hashes);
        // only attachments are read here. One parallel pass makes each document's two digests (its sources, its
        // front matter), and the digests of lists combine those: this runs in every build, and at 10,000 documents
        // looking each source's hash up by path and hashing every document's front matter again for each list took
        // 37 ms of a 0.35 s rebuild in the build server, before anything else could start.
        var officeHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var office in context.GetOutputs(nameof(OfficesPipeline)))
        {
            if (office.Get<string>(ContentKeys.SourceHash) is { } hash)
            {
                officeHashes.TryAdd(office.Source, hash);
            }
        }

        string HashOfFile(string source) => ContentHash.OfFile(Path.Combine(context.InputDirectory, source));
        string HashOf(SiteDocumentVersion version) => version.SourceHash ?? HashOfFile(version.Item.Source);
        string FrontMatterOf(SiteDocumentVersion version) => version.FrontMatterHash ?? HashOf(version); // no front matter hash: the whole source

        var documents = site.Documents.Concat(site.Pages).ToList();
        var digests = new string[documents.Count];
        var frontMatterDigests = new string[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism }, () => new XxHash128(), (i, _, hash) =>
        {
            var document = documents[i];
            var original = document.Original;
            Append(hash, original.Item.Source, HashOf(original));
            if (!document.Translations.IsEmpty)
            {
                foreach (var (language, translation) in document.Translations)
                {
                    Append(hash, language + ":" + translation.Item.Source, HashOf(translation));
                }
            }

            if (document.Office is { } office)
            {
                Append(hash, office.Source, officeHashes.TryGetValue(office.Source, out var officeHash) ? officeHash : HashOfFile(office.Source));
            }

            // Attachments are not read before pages are planned: hash them here (a missing one hashes as "missing"),
            // or recall the hash of one unchanged since the previous build.
            if (!original.Item.Attachments.IsDefaultOrEmpty)
            {
                var folder = Path.GetDirectoryName(original.Item.Source)!.Replace('\\', '/');
                foreach (var attachment in original.Item.Attachments)
                {
                    var file = folder + "/" + attachment.File;
                    Append(hash, file, context.OutputCache!.Sources.HashOfFile(file, Path.Combine(context.InputDirectory, file)));
                }
            }

            digests[i] = ContentHash.Digest(hash);

            Append(hash, document.Key, original.Item.Source);
            ContentHash.AppendPart(hash, FrontMatterOf(original));
            if (!document.Translations.IsEmpty)
            {
                foreach (var (language, translation) in document.Translations)
                {
                    Append(hash, language + ":" + translation.Item.Source, FrontMatterOf(translation));
                }
            }

            frontMatterDigests[i] = ContentHash.Digest(hash);
            return hash;
        }, _ => { });

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var positions = new Dictionary<SiteDocument, int>(documents.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < documents.Count; i++)
        {
            keys[documents[i].Key] = digests[i];
            positions[documents[i]] = i;
        }

        // A list's digest: its documents' keys and digests, in list order.
        string Combine(IEnumerable<SiteDocument> listed, string[] of)
        {
            var hash = new XxHash128();
            foreach (var document in listed)
            {
                Append(hash, document.Key, of[positions[document]]);
            }

            return ContentHash.Digest(hash);
        }

        // Five lists of every document each, made side by side: every module that plans outputs waits for them.
        // The first is every document in the site's order (newest first, standalone pages last), which the sources decide.
        string all = string.Empty, documentsFrontMatter = string.Empty;
        Dictionary<string, string> byOffice = [], byOfficeFrontMatter = [];
        Dictionary<int, string> byYear = [];
        Parallel.Invoke(
            new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            () => all = Combine(documents, digests),
            () => byOffice = site.Offices.ToDictionary(o => o.Id, o => Combine(site.DocumentsOf(o), digests), StringComparer.Ordinal),
            () => byOfficeFrontMatter = site.Offices.ToDictionary(o => o.Id, o => Combine(site.DocumentsOf(o), frontMatterDigests), StringComparer.Ordinal),
            () => byYear = site.Years.ToDictionary(y => y, y => Combine(site.DocumentsIn(y), digests)),
            () => documentsFrontMatter = Combine(site.Documents, frontMatterDigests));
        return new SourceDigests(keys, all)
        {
            ByOffice = byOffice,
            ByOfficeFrontMatter = byOfficeFrontMatter,
            ByYear = byYear,
            DocumentsFrontMatter = documentsFrontMatter,
        };
    }

    private static void Append(XxHash128 hash, string first, string second)
    {
        ContentHash.AppendPart(hash, first);
        ContentHash.AppendPart(hash, second);
    }
}
