using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Deploy.Tests;

public sealed class RedirectTests
{
    private const string Report = "content/ganquan-road/2021/rule-of-law-report.md";

    [Fact]
    public async Task Should_Send_An_Old_Address_To_The_Document_Without_Script()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        AddFrontMatter(temp, "aliases: [/gqlj/2021/fzzf-bg/, old/report.html]");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, BaseUrl: "https://example.gov.cn/portal/"));

        // Then
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var zh = File.ReadAllText(temp.Combine("_site/gqlj/2021/fzzf-bg/index.html"));
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0; url=/portal/ganquan-road/2021/rule-of-law-report/\">", zh);
        Assert.Contains("<link rel=\"canonical\" href=\"https://example.gov.cn/portal/ganquan-road/2021/rule-of-law-report/\">", zh);
        Assert.DoesNotContain("<script", zh);
        var en = File.ReadAllText(temp.Combine("_site/en/old/report.html"));
        Assert.Contains("url=/portal/en/ganquan-road/2021/rule-of-law-report/", en);
        Assert.Contains("2021 Report on Building a Law-Based Government", en);
        var redirects = File.ReadAllLines(temp.Combine("_site/_redirects"));
        Assert.Contains("/portal/gqlj/2021/fzzf-bg/ /portal/ganquan-road/2021/rule-of-law-report/ 301", redirects);
        Assert.Contains("/portal/en/old/report.html /portal/en/ganquan-road/2021/rule-of-law-report/ 301", redirects);
    }

    [Theory]
    [InlineData("aliases: [../../etc/]", "PUB1121")]
    [InlineData("aliases: [offices/]", "PUB1122")]
    public async Task Should_Fail_At_The_Alias_When_It_Cannot_Be_Written(string line, string code)
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        AddFrontMatter(temp, line);

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal(Report, error.Location.File);
        Assert.Equal(2, error.Location.Line);
        Assert.True(error.Location.Column > "aliases: ".Length);
    }

    private static void AddFrontMatter(TempDirectory temp, string line)
    {
        var path = temp.Combine(Report);
        File.WriteAllText(path, "---\n" + line + "\n" + File.ReadAllText(path)["---\n".Length..]);
    }
}
