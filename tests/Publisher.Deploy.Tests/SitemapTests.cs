using System.Xml.Linq;

namespace Publisher.Deploy.Tests;

public sealed class SitemapTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public void Should_List_Every_Page_With_Its_Language_Alternates()
    {
        // Given
        var urlset = XDocument.Parse(site.Read("sitemap.xml")).Root!;
        var pages = Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories)
            .Where(f => !File.ReadAllText(f).Contains("http-equiv=\"refresh\"", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(site.Output, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Select(d => "https://example.gov.cn/portal/" + (d == "." ? string.Empty : d + "/"))
            .Where(u => !u.Contains("/search/", StringComparison.Ordinal))
            .ToHashSet();

        // When
        var urls = urlset.Elements(Sitemap + "url").ToList();
        var locs = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToHashSet();

        // Then
        Assert.Equal(Sitemap + "urlset", urlset.Name);
        Assert.Subset(locs, pages);
        foreach (var url in urls)
        {
            var alternates = url.Elements(Xhtml + "link").ToList();
            Assert.Equal(["en", "zh-CN"], alternates.Select(a => (string)a.Attribute("hreflang")!).Order(StringComparer.Ordinal));
            Assert.Contains(url.Element(Sitemap + "loc")!.Value, alternates.Select(a => (string)a.Attribute("href")!));
        }
    }
}
