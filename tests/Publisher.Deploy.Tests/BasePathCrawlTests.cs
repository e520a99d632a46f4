using System.Net;
using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Deploy.Tests;

public sealed class BasePathCrawlTests
{
    [Fact]
    public async Task Should_Resolve_Every_Link_And_Asset_When_Served_Under_A_Sub_Path()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, BaseUrl: "https://example.gov.cn/portal/"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        using var server = new StaticServer(temp.Combine("_site"), "/portal/");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var crawler = new SiteCrawler(client, new Uri("https://example.gov.cn/portal/"), new Uri(server.Origin + "/portal/"));

        // When
        await crawler.CrawlAsync("/portal/", "/portal/en/", "/portal/robots.txt", "/portal/404.html", "/portal/en/404.html");

        // Then
        Assert.Empty(crawler.Problems);
        var paths = crawler.Visited.Keys.Select(u => u.AbsolutePath).ToHashSet();
        Assert.Contains("/portal/sitemap.xml", paths);
        Assert.Contains("/portal/feed.xml", paths);
        Assert.Contains("/portal/en/feed.xml", paths);
        Assert.Contains("/portal/offices/ganquan-road/feed.xml", paths);
        Assert.Contains("/portal/assets/css/site.css", paths.Select(StripFingerprint));
        Assert.Contains("/portal/en/ganquan-road/2021/rule-of-law-report/", paths);
        Assert.True(paths.Count > 50, $"only {paths.Count} URLs were reached");
    }

    [Fact]
    public async Task Should_Answer_404_For_Links_Without_The_Sub_Path()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, BaseUrl: "https://example.gov.cn/portal/"));
        using var server = new StaticServer(temp.Combine("_site"), "/portal/");
        using var client = new HttpClient();

        // When
        using var outside = await client.GetAsync(server.Origin + "/offices/");
        using var inside = await client.GetAsync(server.Origin + "/portal/offices/");

        // Then: the server is strict, so the crawl above would catch a link that forgot the base path.
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }

    private static string StripFingerprint(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\.[0-9a-f]{10}(\.[a-z]+)$", "$1");
}
