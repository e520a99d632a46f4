using System.Xml.Linq;
using Publisher.Content.Configuration;
using Publisher.Site.Model;
using Publisher.Site.Modules;

namespace Publisher.Site.Tests.Modules;

public sealed class SitemapSplitTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly SiteOptions Options = new() { BaseUrl = "https://example.gov.cn/portal/" };
    private static readonly SiteUrls Urls = new("/portal/", "zh-CN");

    private static List<string> Paths(int count) => [.. Enumerable.Range(0, count).Select(i => $"office/2021/report-{i}/")];

    [Fact]
    public void Should_Write_One_Sitemap_When_Every_Url_Fits_In_One_File()
    {
        // Given / When
        var files = GenerateSiteFiles.Sitemaps(Options, Urls, Paths(12), maxUrls: 24).ToList();

        // Then
        var (destination, write) = Assert.Single(files);
        Assert.Equal("sitemap.xml", destination);
        Assert.Equal(24, XDocument.Parse(GenerateSiteFiles.Xml(write)).Root!.Elements(Ns + "url").Count());
    }

    [Fact]
    public void Should_Split_Into_Files_Under_The_Limit_Named_By_A_Sitemap_Index_When_There_Are_Too_Many_Urls()
    {
        // Given: 12 pages in two languages (24 URLs) and at most 10 URLs a file
        var paths = Paths(12);

        // When
        var files = GenerateSiteFiles.Sitemaps(Options, Urls, paths, maxUrls: 10).ToDictionary(f => f.Destination, f => XDocument.Parse(GenerateSiteFiles.Xml(f.Write)).Root!);

        // Then: sitemap.xml is the index of the parts, each part stays under the limit, and together they list every URL once
        var index = files["sitemap.xml"];
        Assert.Equal(Ns + "sitemapindex", index.Name);
        var parts = index.Elements(Ns + "sitemap").Select(s => s.Element(Ns + "loc")!.Value).ToList();
        Assert.Equal(["https://example.gov.cn/portal/sitemap-1.xml", "https://example.gov.cn/portal/sitemap-2.xml", "https://example.gov.cn/portal/sitemap-3.xml"], parts);
        var listed = new List<string>();
        foreach (var part in parts)
        {
            var urlset = files[part["https://example.gov.cn/portal/".Length..]];
            Assert.Equal(Ns + "urlset", urlset.Name);
            Assert.InRange(urlset.Elements(Ns + "url").Count(), 1, 10);
            listed.AddRange(urlset.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value));
        }

        Assert.Equal(24, listed.Count);
        Assert.Equal(24, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("https://example.gov.cn/portal/en/office/2021/report-11/", listed);
    }

    [Fact]
    public void Should_Write_The_Same_Bytes_Straight_To_Utf8_As_Through_A_String()
    {
        // Given: a sitemap with Chinese in its paths
        var (_, write) = Assert.Single(GenerateSiteFiles.Sitemaps(Options, Urls, ["甘泉路街道/2021/法治政府建设报告/"], maxUrls: 24));

        // When
        using var utf8 = new MemoryStream();
        GenerateSiteFiles.XmlUtf8(write, utf8);

        // Then: what the build writes is the text's UTF-8, declaration included, with no byte order mark
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(GenerateSiteFiles.Xml(write)), utf8.ToArray());
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", GenerateSiteFiles.Xml(write), StringComparison.Ordinal);
    }
}
