using System.Text.Json;
using AngleSharp.Html.Parser;
using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Deploy.Tests;

public sealed class HeadMetadataTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    private readonly HtmlParser _parser = new();

    [Fact]
    public void Should_Describe_A_Report_With_Canonical_OpenGraph_And_Json_Ld()
    {
        // Given
        var page = _parser.ParseDocument(site.Read("en/ganquan-road/2021/rule-of-law-report/index.html"));

        // When
        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        var og = page.QuerySelectorAll("meta[property^='og:']").ToDictionary(m => m.GetAttribute("property")!, m => m.GetAttribute("content")!);
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var data = json.RootElement;

        // Then
        Assert.Equal("https://example.gov.cn/portal/en/ganquan-road/2021/rule-of-law-report/", canonical);
        Assert.Equal(canonical, og["og:url"]);
        Assert.Equal("article", og["og:type"]);
        Assert.Equal("2021 Report on Building a Law-Based Government, Ganquan Road Subdistrict", og["og:title"]);
        Assert.Equal("Report", data.GetProperty("@type").GetString());
        Assert.Equal(canonical, data.GetProperty("url").GetString());
        Assert.Equal("2021-12-03", data.GetProperty("dateCreated").GetString());
        Assert.Equal("GovernmentOrganization", data.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal("Ganquan Road Subdistrict Office", data.GetProperty("publisher").GetProperty("name").GetString());
    }

    [Fact]
    public void Should_Describe_An_Office_As_A_Government_Organization()
    {
        // Given
        var page = _parser.ParseDocument(site.Read("offices/yuepu/index.html"));

        // When
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);

        // Then
        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        Assert.Equal("GovernmentOrganization", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("月浦镇人民政府", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("https://example.gov.cn/portal/offices/yuepu/", json.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Should_Keep_A_Script_End_Tag_In_A_Title_Inside_The_Json_Ld_Block()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var report = temp.Combine("content/yuepu/2021/rule-of-law-report.md");
        const string Title = "报告</script><script>alert(1)</script><!--";
        var text = File.ReadAllText(report);
        var titleLine = text.Split('\n').First(l => l.StartsWith("title:", StringComparison.Ordinal));
        File.WriteAllText(report, text.Replace(titleLine, "title: \"" + Title + "\""));

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var html = File.ReadAllText(temp.Combine("_site/yuepu/2021/rule-of-law-report/index.html"));
        var page = _parser.ParseDocument(html);

        // Then
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var scripts = page.QuerySelectorAll("script:not([src])");
        Assert.Single(scripts);
        Assert.Equal("application/ld+json", scripts[0].GetAttribute("type"));
        using var json = JsonDocument.Parse(scripts[0].TextContent);
        Assert.Equal(Title, json.RootElement.GetProperty("name").GetString());
    }
}
