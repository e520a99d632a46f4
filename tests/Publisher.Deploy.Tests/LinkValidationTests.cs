using Publisher.Core.Diagnostics;
using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Deploy.Tests;

public sealed class LinkValidationTests
{
    [Fact]
    public async Task Should_Fail_The_Build_Naming_Page_Line_And_Link_When_A_Link_Is_Broken()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        AppendToAbout(temp, "\n请看[旧报告](../ganquan-road/2019/no-such-report/)。\n");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "PUB1101");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("content/pages/about.md", error.Location.File);
        Assert.Equal(File.ReadAllLines(temp.Combine("content/pages/about.md")).Length, error.Location.Line);
        Assert.Contains("'about/index.html'", error.Message);
        Assert.Contains("'../ganquan-road/2019/no-such-report/'", error.Message);
        Assert.False(Directory.Exists(temp.Combine("_site")));
    }

    [Fact]
    public async Task Should_Fail_The_Build_When_An_Image_Is_Missing()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        AppendToAbout(temp, "\n![办公地点](map.png)\n");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        var error = Assert.Single(result.Diagnostics, d => d.Code == "PUB1101");
        Assert.Contains("'map.png'", error.Message);
    }

    [Fact]
    public async Task Should_Fail_The_Build_When_A_Link_Leaves_The_Base_Path()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        AppendToAbout(temp, "\n见[发布机关](/offices/)。\n");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, BaseUrl: "https://example.gov.cn/portal/"));

        // Then
        var error = Assert.Single(result.Diagnostics, d => d.Code == "PUB1102");
        Assert.Contains("'/offices/'", error.Message);
        Assert.Contains("/portal/", error.Message);
    }

    [Fact]
    public async Task Should_Accept_The_Same_Root_Link_When_The_Site_Is_At_The_Root()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        AppendToAbout(temp, "\n见[发布机关](/offices/)和[无障碍声明](../accessibility/#contact)。\n");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("/ganquan-road/2019/no-such-report/", "PUB1101")]
    [InlineData("https://reports.example.gov.cn/ganquan-road/2019/no-such-report/", "PUB1101")]
    [InlineData("/offices", "PUB1103")]
    [InlineData("https://reports.example.gov.cn/offices", "PUB1103")]
    [InlineData("https://reports.example.gov.cn/./no-such-page/", "PUB1101")]
    [InlineData("/%E6%97%A0/", "PUB1101")]
    public async Task Should_Report_A_Broken_Root_Or_Absolute_Link_Whichever_Way_It_Is_Written(string link, string code)
    {
        // Given: plain site paths take a shorter way than links Uri must resolve; both must report alike.
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        AppendToAbout(temp, $"\n见[链接]({link})。\n");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(code, error.Code);
        Assert.Contains($"'{link}'", error.Message);
    }

    [Theory]
    [InlineData("/offices/")]
    [InlineData("https://reports.example.gov.cn/offices/")]
    [InlineData("https://REPORTS.example.gov.cn/offices/")]
    [InlineData("https://reports.example.gov.cn/en/offices/")]
    public async Task Should_Accept_A_Working_Root_Or_Absolute_Link(string link)
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        AppendToAbout(temp, $"\n见[发布机关]({link})。\n");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    private static void AppendToAbout(TempDirectory temp, string markdown) =>
        File.AppendAllText(temp.Combine("content/pages/about.md"), markdown);
}
