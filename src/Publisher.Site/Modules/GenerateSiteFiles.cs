using System.Globalization;
using System.Text;
using System.Xml;
using Publisher.Content.Configuration;
using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Modules;
using Publisher.Site.Model;
using Publisher.Site.Rendering;
using static System.FormattableString;

namespace Publisher.Site.Modules;

/// <summary>
/// Writes <c>sitemap.xml</c> with hreflang alternates and <c>robots.txt</c>, and passes its inputs through; the
/// feeds come from <see cref="GenerateFeeds"/>, <c>data/documents.json</c> from <see cref="GenerateDataExport"/>
/// and <c>_headers</c> from <see cref="GenerateHeadersFile"/>. XML goes through XmlWriter, so no content can
/// break out of it.
/// </summary>
public sealed class GenerateSiteFiles : IModule
{
    /// <summary>The most URLs one sitemap file may list (the sitemaps.org protocol's limit).</summary>
    internal const int MaxSitemapUrls = 50_000;

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var site = SiteModelFactory.Create(context);
        var options = site.Options;
        var urls = new SiteUrls(options.BasePath, options.DefaultLanguage);
        // Each sitemap goes to disk as UTF-8 as it is made (marked written, as the search index is): held as a
        // document until written, a 10,000-document site's 7 MB sitemap was a 14 MB string, the builder it was made
        // in, and a 32 MB buffer to encode it.
        var files = new List<Document>();
        using var buffer = new MemoryStream();
        foreach (var (destination, write) in Sitemaps(site.Options, urls, SitemapPaths(site), MaxSitemapUrls))
        {
            buffer.SetLength(0);
            XmlUtf8(write, buffer);
            OutputFiles.Write(context, destination, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            files.Add(new Document { Destination = destination }.WithMetadata(WriteFiles.WrittenKey, true));
        }

        files.Add(File("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {Absolute(options, urls.Link(options.DefaultLanguage, "sitemap.xml"))}\n"));
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. files]);
    }

    /// <summary>The sitemap's inputs besides settings: the path of every page, in order.</summary>
    internal static string PathsKey(IExecutionContext context) => ContentHash.OfParts(SitemapPaths(SiteModelFactory.Create(context)));

    private static Document File(string destination, string content) => new() { Destination = destination, Content = content };

    internal static string Absolute(SiteOptions options, string link) => AbsoluteUrl.Of(options.BaseUrl, link);

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
    /// robots.txt and search consoles keep one address. Each file comes as the action that writes its XML.
    /// </summary>
    internal static IEnumerable<(string Destination, Action<XmlWriter> Write)> Sitemaps(SiteOptions options, SiteUrls urls, IReadOnlyList<string> paths, int maxUrls)
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

        yield return ("sitemap.xml", SitemapIndex(options, urls, chunks.Count));
    }

    private static Action<XmlWriter> SitemapIndex(SiteOptions options, SiteUrls urls, int parts) => writer =>
    {
        const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        writer.WriteStartElement("sitemapindex", Ns);
        for (var i = 0; i < parts; i++)
        {
            writer.WriteStartElement("sitemap", Ns);
            writer.WriteElementString("loc", Ns, Absolute(options, urls.Link(options.DefaultLanguage, Invariant($"sitemap-{i + 1}.xml"))));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    };

    private static Action<XmlWriter> UrlSet(SiteOptions options, SiteUrls urls, IReadOnlyList<string> paths) => writer =>
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
    };

    internal static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>The XML document <paramref name="write"/> writes, as a string ending in a line break.</summary>
    internal static string Xml(Action<XmlWriter> write)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterUtf8(builder), XmlSettings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return builder.Append('\n').ToString();
    }

    /// <summary>The same document as <see cref="Xml"/>, written to <paramref name="output"/> as UTF-8 (no byte order mark).</summary>
    internal static void XmlUtf8(Action<XmlWriter> write, Stream output)
    {
        using (var writer = XmlWriter.Create(output, XmlSettings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        output.WriteByte((byte)'\n');
    }

    private static XmlWriterSettings XmlSettings => new() { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n", OmitXmlDeclaration = false };

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
