using System.Xml;
using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Modules;
using Publisher.Site.Model;

namespace Publisher.Site.Modules;

/// <summary>
/// Writes the Atom feeds, per language: the site's latest <see cref="EntriesPerFeed"/> documents and each
/// office's, and passes its inputs through. In an incremental build a feed is keyed by the documents it lists
/// (their keys and sources, in order): one edit rewrites the site's feeds and its own office's, and the other
/// offices' feeds are kept without being made again. Each feed goes to disk as UTF-8 as soon as it is made
/// (marked written): the 400 feeds of a 200-office site, held as strings until the pipeline wrote them, were
/// 8 MB of UTF-8 and twice that in strings.
/// </summary>
public sealed class GenerateFeeds : IModule
{
    /// <summary>How many of the latest documents a feed lists.</summary>
    public const int EntriesPerFeed = 50;

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var site = SiteModelFactory.Create(context);
        var urls = new SiteUrls(site.Options.BasePath, site.Options.DefaultLanguage);
        var cache = context.OutputCache;
        var digests = SourceDigests.For(site, context);
        var feeds = site.Options.Languages
            .SelectMany(language => site.Offices.Select(office => (Language: language, Office: (Content.Model.Office?)office)).Prepend((language, null)))
            .ToList();
        var files = new Document[feeds.Count];
        using var buffers = new ThreadLocal<MemoryStream>(() => new MemoryStream());
        Parallel.For(0, feeds.Count, new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism }, i =>
        {
            var (language, office) = feeds[i];
            var destination = urls.Prefix(language) + (office is null ? "feed.xml" : $"offices/{office.Id}/feed.xml");
            var documents = (office is null ? site.Documents : site.DocumentsOf(office)).Take(EntriesPerFeed).ToList();
            var key = cache is null ? null : ContentHash.OfParts([cache.Fingerprint, "feed", destination, digests.Listed(documents)]);
            if (key is not null && cache!.IsIncremental && cache.TryKeep(destination, key))
            {
                files[i] = new Document { Destination = destination }.WithMetadata(OutputCache.KeptKey, true);
                return;
            }

            var buffer = buffers.Value!;
            buffer.SetLength(0);
            GenerateSiteFiles.XmlUtf8(Feed(site, urls, language, office, documents), buffer);
            OutputFiles.Write(context, destination, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), key);
            files[i] = new Document { Destination = destination }.WithMetadata(WriteFiles.WrittenKey, true);
        });
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. files]);
    }

    private static Action<XmlWriter> Feed(SiteModel site, SiteUrls urls, string language, Content.Model.Office? office, List<SiteDocument> documents)
    {
        var options = site.Options;
        var selfPath = office is null ? "feed.xml" : $"offices/{office.Id}/feed.xml";
        var updated = documents.Select(d => d.Item.PublishedOrIssued).Max() ?? new DateOnly(2000, 1, 1);
        return writer =>
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            writer.WriteStartElement("feed", Atom);
            writer.WriteAttributeString("xml", "lang", null, language);
            writer.WriteElementString("title", Atom, office is null ? options.TitleIn(language) : $"{office.Name.In(language)} — {options.TitleIn(language)}");
            writer.WriteElementString("id", Atom, GenerateSiteFiles.Absolute(options, urls.Link(language, selfPath)));
            writer.WriteElementString("updated", Atom, GenerateSiteFiles.Timestamp(updated));
            writer.WriteStartElement("author", Atom);
            writer.WriteElementString("name", Atom, office?.Name.In(language) ?? options.TitleIn(language));
            writer.WriteEndElement();
            Link(writer, "self", GenerateSiteFiles.Absolute(options, urls.Link(language, selfPath)));
            Link(writer, "alternate", GenerateSiteFiles.Absolute(options, urls.Link(language, office is null ? string.Empty : $"offices/{office.Id}/")));
            foreach (var document in documents)
            {
                var url = GenerateSiteFiles.Absolute(options, urls.Link(language, document.Path));
                writer.WriteStartElement("entry", Atom);
                writer.WriteElementString("title", Atom, document.TitleIn(language, options.DefaultLanguage).Text);
                writer.WriteElementString("id", Atom, url);
                writer.WriteElementString("updated", Atom, GenerateSiteFiles.Timestamp(document.Item.PublishedOrIssued ?? updated));
                Link(writer, "alternate", url);
                writer.WriteStartElement("author", Atom);
                writer.WriteElementString("name", Atom, document.Office?.Name.In(language) ?? options.TitleIn(language));
                writer.WriteEndElement();
                if (document.SummaryIn(language, options.DefaultLanguage) is { } summary)
                {
                    writer.WriteElementString("summary", Atom, summary.Text);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        };
    }

    private static void Link(XmlWriter writer, string rel, string href)
    {
        writer.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }
}
