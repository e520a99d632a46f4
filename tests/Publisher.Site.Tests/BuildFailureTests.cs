using Publisher.Core.Diagnostics;
using Publisher.Testing;

namespace Publisher.Site.Tests;

public sealed class BuildFailureTests
{
    private const string Report = "content/ganquan-road/2021/rule-of-law-report.md";

    [Fact]
    public async Task Should_Be_Byte_Identical_When_Built_Twice()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);

        // When
        await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "first", MaxDegreeOfParallelism: 1));
        await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "second", MaxDegreeOfParallelism: 4));

        // Then
        var first = SampleSite.Snapshot(temp.Combine("first"));
        var second = SampleSite.Snapshot(temp.Combine("second"));
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(second[pair.Key]), pair.Key));
        Assert.Empty(Directory.GetFiles(temp.Combine(SiteBuilder.CacheFolder), "spill-*")); // bodies set aside during the builds
    }

    [Fact]
    public async Task Should_Fail_Naming_File_And_Line_And_Keep_The_Previous_Site_When_Yaml_Is_Broken()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var before = SampleSite.Snapshot(temp.Combine("_site"));
        var lines = File.ReadAllLines(temp.Combine(Report)).ToList();
        lines.Insert(3, "year: [2021");
        File.WriteAllLines(temp.Combine(Report), lines);

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(Report, error.Location.File);
        Assert.InRange(error.Location.Line, 4, 6);
        Assert.Equal(before.Keys, SampleSite.Snapshot(temp.Combine("_site")).Keys);
        Assert.Equal(before["index.html"], File.ReadAllBytes(temp.Combine("_site/index.html")));
        Assert.Empty(Directory.GetFiles(temp.Combine(SiteBuilder.CacheFolder), "spill-*"));
    }

    [Fact]
    public async Task Should_Report_An_Unknown_Office_With_A_Suggestion_And_Every_Other_Error()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var text = File.ReadAllText(temp.Combine(Report)).Replace("office: ganquan-road", "office: ganquan-raod");
        File.WriteAllText(temp.Combine(Report), text);
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("office:")) + 1;
        temp.Write("content/zhangmiao/2020/second.md", "---\ntitle: 测试\nkind: annual-report\noffice: zhangmiao\nyear: 2020\nissued: 2020-02-30\n---\n正文\n");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.False(result.Succeeded);
        var office = Assert.Single(result.Diagnostics, d => d.Code == "PUB0150");
        Assert.Equal(new SourceSpan(Report, line, 9), office.Location);
        Assert.Contains("did you mean 'ganquan-road'", office.ToString(), StringComparison.OrdinalIgnoreCase);
        var date = Assert.Single(result.Diagnostics, d => d.Code == "PUB0124");
        Assert.Equal(new SourceSpan("content/zhangmiao/2020/second.md", 6, 9), date.Location);
        Assert.False(Directory.Exists(temp.Combine("_site")));
    }

    [Fact]
    public async Task Should_Serve_Under_A_Base_Path()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, BaseUrl: "https://example.org/reports"));

        // Then
        Assert.True(result.Succeeded);
        var html = File.ReadAllText(temp.Combine("_site/offices/index.html"));
        Assert.Matches("href=\"/reports/assets/css/site\\.[0-9a-f]{10}\\.css\"", html);
        Assert.Contains("href=\"/reports/offices/yuepu/\"", html);
        Assert.DoesNotContain("href=\"/offices/", html);
    }
}
