using System.Net;
using System.Text.RegularExpressions;

namespace Publisher.Deploy.Tests;

public sealed partial class BasePathCrawlTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    [Fact]
    public async Task Should_Resolve_Every_Link_And_Asset_When_Served_Under_A_Sub_Path()
    {
        // Given
        Assert.True(site.Result.Succeeded, string.Join("\n", site.Result.Diagnostics));
        using var server = new StaticServer(site.Output, "/portal/");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var crawler = new SiteCrawler(client, new Uri(PortalSiteFixture.BaseUrl), new Uri(server.Origin + "/portal/"));

        // When
        await crawler.CrawlAsync("/portal/", "/portal/en/", "/portal/robots.txt", "/portal/404.html", "/portal/en/404.html");

        // Then
        Assert.True(crawler.Problems.Count == 0, string.Join("\n", crawler.Problems));
        var paths = crawler.Visited.Keys.Select(u => u.AbsolutePath).ToHashSet();
        Assert.Contains("/portal/sitemap.xml", paths);
        Assert.Contains("/portal/feed.xml", paths);
        Assert.Contains("/portal/en/feed.xml", paths);
        Assert.Contains("/portal/offices/ganquan-road/feed.xml", paths);
        Assert.Contains("/portal/en/offices/yuepu/feed.xml", paths);
        Assert.Contains("/portal/assets/css/site.css", paths.Select(StripFingerprint));
        Assert.Contains("/portal/en/ganquan-road/2021/rule-of-law-report/", paths);
        Assert.True(paths.Count > 50, $"only {paths.Count} URLs were reached");
    }

    [Fact]
    public async Task Should_Answer_404_For_Links_Without_The_Sub_Path()
    {
        // Given
        using var server = new StaticServer(site.Output, "/portal/");
        using var client = new HttpClient();

        // When
        using var outside = await client.GetAsync(server.Origin + "/offices/");
        using var inside = await client.GetAsync(server.Origin + "/portal/offices/");

        // Then: the server is strict, so the crawl would catch a link that forgot the base path.
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }

    [Theory]
    [InlineData("404.html", "zh-CN")]
    [InlineData("en/404.html", "en")]
    public void Should_Write_A_Not_Found_Page_In_Each_Language(string file, string language)
    {
        // Given
        var html = site.Read(file);

        // When
        var lang = Regex.Match(html, "<html lang=\"([^\"]+)\"").Groups[1].Value;

        // Then
        Assert.Equal(language, lang);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html);
        Assert.Contains("href=\"/portal/" + (language == "en" ? "en/" : string.Empty) + "offices/\"", html);
    }

    [Fact]
    public void Should_Point_Robots_To_The_Sitemap_Under_The_Base_Url()
    {
        // Given
        var robots = site.Read("robots.txt");

        // When
        var line = robots.Split('\n').Single(l => l.StartsWith("Sitemap:", StringComparison.Ordinal));

        // Then
        Assert.Equal("Sitemap: https://example.gov.cn/portal/sitemap.xml", line);
    }

    private static string StripFingerprint(string path) => Fingerprint().Replace(path, "$1");

    [GeneratedRegex(@"\.[0-9a-f]{10}(\.[a-z]+)$")]
    private static partial Regex Fingerprint();
}
