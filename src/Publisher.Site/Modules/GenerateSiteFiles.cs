using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;
using Publisher.Content.Configuration;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Model;
using Publisher.Site.Rendering;
using static System.FormattableString;

namespace Publisher.Site.Modules;

/// <summary>
/// Writes the machine-readable files: Atom feeds (site and per office, per language), <c>sitemap.xml</c> with
/// hreflang alternates, <c>robots.txt</c> and <c>data/documents.json</c> (the <c>_headers</c> file comes from
/// <see cref="GenerateHeadersFile"/>). XML goes through XmlWriter and JSON through System.Text.Json, so no content can
/// break out of them.
/// </summary>
public sealed class GenerateSiteFiles : IModule
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The most URLs one sitemap file may list (the sitemaps.org protocol's limit).</summary>
    internal const int MaxSitemapUrls = 50_000;

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var site = SiteModelFactory.Create(context);
        var options = site.Options;
        var urls = new SiteUrls(options.BasePath, options.DefaultLanguage);
        var files = new List<Document>();
        foreach (var language in options.Languages)
        {
            files.Add(File(urls.Prefix(language) + "feed.xml", Feed(site, urls, language, null)));
            foreach (var office in site.Offices)
            {
                files.Add(File(urls.Prefix(language) + $"offices/{office.Id}/feed.xml", Feed(site, urls, language, office)));
            }
        }

        files.AddRange(Sitemaps(site.Options, urls, SitemapPaths(site), MaxSitemapUrls).Select(f => File(f.Destination, f.Content)));
        files.Add(File("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {Absolute(options, urls.Link(options.DefaultLanguage, "sitemap.xml"))}\n"));
        files.Add(File("data/documents.json", JsonSerializer.Serialize(DataExport(site, urls), Json) + "\n"));
        return Task.FromResult<IReadOnlyList<Document>>(files);
    }

    private static Document File(string destination, string content) => new() { Destination = destination, Content = content };

    private static string Absolute(SiteOptions options, string link) => AbsoluteUrl.Of(options.BaseUrl, link);

    private static string Feed(SiteModel site, SiteUrls urls, string language, Content.Model.Office? office)
    {
        var options = site.Options;
        var documents = (office is null ? site.Documents : site.DocumentsOf(office)).Take(50).ToList();
        var selfPath = office is null ? "feed.xml" : $"offices/{office.Id}/feed.xml";
        var updated = documents.Select(d => d.Item.PublishedOrIssued).Max() ?? new DateOnly(2000, 1, 1);
        return Xml(writer =>
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            writer.WriteStartElement("feed", Atom);
            writer.WriteAttributeString("xml", "lang", null, language);
            writer.WriteElementString("title", Atom, office is null ? options.TitleIn(language) : $"{office.Name.In(language)} — {options.TitleIn(language)}");
            writer.WriteElementString("id", Atom, Absolute(options, urls.Link(language, selfPath)));
            writer.WriteElementString("updated", Atom, Timestamp(updated));
            writer.WriteStartElement("author", Atom);
            writer.WriteElementString("name", Atom, office?.Name.In(language) ?? options.TitleIn(language));
            writer.WriteEndElement();
            Link(writer, "self", Absolute(options, urls.Link(language, selfPath)));
            Link(writer, "alternate", Absolute(options, urls.Link(language, office is null ? string.Empty : $"offices/{office.Id}/")));
            foreach (var document in documents)
            {
                var url = Absolute(options, urls.Link(language, document.Path));
                writer.WriteStartElement("entry", Atom);
                writer.WriteElementString("title", Atom, document.TitleIn(language, options.DefaultLanguage).Text);
                writer.WriteElementString("id", Atom, url);
                writer.WriteElementString("updated", Atom, Timestamp(document.Item.PublishedOrIssued ?? updated));
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
        });
    }

    private static void Link(XmlWriter writer, string rel, string href)
    {
        writer.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static List<string> SitemapPaths(SiteModel site)
    {
        var paths = new List<string> { string.Empty, "offices/", "years/" };
        paths.AddRange(site.Offices.Select(o => $"offices/{o.Id}/"));
        paths.AddRange(site.Years.Select(y => $"years/{y}/"));
        paths.AddRange(site.Documents.Concat(site.Pages).Select(d => d.Path));
        paths.AddRange(site.Offices.Select(o => CataloguePageModel.CataloguePath(o, 1)));
        paths.Add("data/");
        return paths;
    }

    /// <summary>
    /// The sitemap: one <c>sitemap.xml</c> listing every page in every language with its hreflang alternates;
    /// when that would list more than <paramref name="maxUrls"/> URLs (the protocol allows 50,000 a file; a
    /// city portal of 25,000 documents in two languages passes it), <c>sitemap-1.xml</c>, <c>sitemap-2.xml</c>…
    /// of at most that many URLs each, and <c>sitemap.xml</c> becomes the sitemap index naming them, so
    /// robots.txt and search consoles keep one address.
    /// </summary>
    internal static IEnumerable<(string Destination, string Content)> Sitemaps(SiteOptions options, SiteUrls urls, IReadOnlyList<string> paths, int maxUrls)
    {
        var pathsPerFile = Math.Max(1, maxUrls / options.Languages.Length);
        if (paths.Count <= pathsPerFile)
        {
            yield return ("sitemap.xml", UrlSet(options, urls, paths));
            yield break;
        }

        var chunks = paths.Chunk(pathsPerFile).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            yield return (Invariant($"sitemap-{i + 1}.xml"), UrlSet(options, urls, chunks[i]));
        }

        yield return ("sitemap.xml", Xml(writer =>
        {
            const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            writer.WriteStartElement("sitemapindex", Ns);
            for (var i = 0; i < chunks.Count; i++)
            {
                writer.WriteStartElement("sitemap", Ns);
                writer.WriteElementString("loc", Ns, Absolute(options, urls.Link(options.DefaultLanguage, Invariant($"sitemap-{i + 1}.xml"))));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }));
    }

    private static string UrlSet(SiteOptions options, SiteUrls urls, IReadOnlyList<string> paths) => Xml(writer =>
    {
        const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        const string Xhtml = "http://www.w3.org/1999/xhtml";
        writer.WriteStartElement("urlset", Ns);
        writer.WriteAttributeString("xmlns", "xhtml", null, Xhtml);
        foreach (var path in paths)
        {
            foreach (var language in options.Languages)
            {
                writer.WriteStartElement("url", Ns);
                writer.WriteElementString("loc", Ns, Absolute(options, urls.Link(language, path)));
                foreach (var alternate in options.Languages)
                {
                    writer.WriteStartElement("link", Xhtml);
                    writer.WriteAttributeString("rel", "alternate");
                    writer.WriteAttributeString("hreflang", alternate);
                    writer.WriteAttributeString("href", Absolute(options, urls.Link(alternate, path)));
                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
            }
        }

        writer.WriteEndElement();
    });

    private static object DataExport(SiteModel site, SiteUrls urls) => new
    {
        Generator = "Publisher",
        Documents = site.Documents.Select(d => new
        {
            d.Key,
            Url = Absolute(site.Options, urls.Link(site.Options.DefaultLanguage, d.Path)),
            UrlEn = site.Options.Languages.Contains("en") ? Absolute(site.Options, urls.Link("en", d.Path)) : null,
            d.Item.Title,
            d.Item.TitleEn,
            d.Item.Kind,
            d.Item.Topic,
            d.Item.Office,
            OfficeName = d.Office?.Name.In(site.Options.DefaultLanguage),
            District = d.Office?.District.In(site.Options.DefaultLanguage),
            d.Item.Year,
            Issued = d.Item.Issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Published = d.Item.PublishedOrIssued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            d.Item.DocNumber,
            d.Item.Signer,
            d.Item.Addressee,
            d.Item.IndexNo,
            d.Item.Category,
            d.Item.Validity,
            d.Item.Summary,
            d.Item.SummaryEn,
            Translations = d.Translations.Keys.ToArray(),
        }),
    };

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static string Xml(Action<XmlWriter> write)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n", OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(new StringWriterUtf8(builder), settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return builder.Append('\n').ToString();
    }

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
