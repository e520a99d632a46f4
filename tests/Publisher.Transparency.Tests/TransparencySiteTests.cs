using AngleSharp.Html.Parser;
using Publisher.Core.Diagnostics;
using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Transparency.Tests;

public sealed class TransparencySiteTests
{
    private static async Task<(Core.Execution.BuildResult Result, TempDirectory Temp)> BuildSampleAsync(Action<TempDirectory>? change = null)
    {
        var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        change?.Invoke(temp);
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, temp.Combine("out"), MaxDegreeOfParallelism: 2));
        return (result, temp);
    }

    [Fact]
    public async Task Should_PublishCataloguesFiguresAndData_When_TheSampleSiteIsBuilt()
    {
        // Given
        var (result, temp) = await BuildSampleAsync();
        using var _ = temp;
        string Read(string path) => File.ReadAllText(temp.Combine("out", path));

        // When
        var parser = new HtmlParser();
        var catalogue = parser.ParseDocument(Read("offices/ganquan-road/catalogue/index.html"));
        var year = parser.ParseDocument(Read("en/years/2021/index.html"));
        var office = parser.ParseDocument(Read("offices/shiquan-road/index.html"));
        var report = parser.ParseDocument(Read("ganquan-road/2021/disclosure-annual-report/index.html"));

        // Then
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains(catalogue.QuerySelectorAll("table#catalogue-table tbody tr"), r => r.TextContent.Contains("甘泉路街道政府信息公开指南", StringComparison.Ordinal));
        Assert.Equal(5, year.QuerySelectorAll("table.figures-table tbody tr").Length);
        Assert.Contains("Sample data", year.QuerySelector(".sample-data")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["2021", "2020"], office.QuerySelectorAll("table.figures-table tbody th").Select(th => th.TextContent[..4]));
        Assert.Equal(6, report.QuerySelectorAll(".statistics table caption").Length);
        Assert.True(File.Exists(temp.Combine("out", "ganquan-road/2021/disclosure-annual-report/statistics-chart.svg")));
        Assert.True(File.Exists(temp.Combine("out", "en/ganquan-road/2021/disclosure-annual-report/statistics-chart.svg")));
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'y'], File.ReadAllBytes(temp.Combine("out", "data/2021/statistics.csv"))[..4]);
        Assert.Contains("\"office_id\": \"shiquan-road\"", Read("data/2020/statistics.json"), StringComparison.Ordinal);
        Assert.Contains("key-figures.csv", Read("en/data/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_FailTheBuildNamingFileColumnAndNumbers_When_AReportBreaksTheSumRule()
    {
        // Given: the sample report's carried-forward total is raised by one
        var (result, temp) = await BuildSampleAsync(t =>
        {
            var path = t.Combine("content", "yuepu", "2021", "disclosure-annual-report.md");
            var lines = File.ReadAllLines(path);
            var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("carried_forward:", StringComparison.Ordinal));
            var cells = lines[index][(lines[index].IndexOf('[') + 1)..^1].Split(", ").Select(int.Parse).ToArray();
            cells[^1] += 1;
            lines[index] = $"    carried_forward: [{string.Join(", ", cells)}]";
            File.WriteAllLines(path, lines);
        });
        using var _ = temp;

        // When
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        // Then
        Assert.False(result.Succeeded);
        var error = Assert.Single(errors);
        Assert.Equal("PUB1010", error.Code);
        Assert.Equal("content/yuepu/2021/disclosure-annual-report.md", error.Location.File);
        Assert.True(error.Location.Line > 1);
        Assert.Contains("总计", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("out", "data")));
    }

    [Fact]
    public async Task Should_PageTheCatalogue_When_AnOfficeHasMoreThanFiftyEntries()
    {
        // Given: 55 more disclosure items for Ganquan Road (61 entries in all)
        var (result, temp) = await BuildSampleAsync(t =>
        {
            for (var i = 1; i <= 55; i++)
            {
                t.Write(
                    $"content/ganquan-road/2021/item-{i:D2}.md",
                    $"---\ntitle: 测试条目{i:D2}\nkind: disclosure\noffice: ganquan-road\nyear: 2021\nissued: 2021-06-{(i % 28) + 1:D2}\nindex_no: GQ-2021-{i:D4}\ncategory: 其他\nvalidity: 有效\n---\n\n正文。\n");
            }
        });
        using var _ = temp;
        var parser = new HtmlParser();

        // When
        var first = parser.ParseDocument(File.ReadAllText(temp.Combine("out", "offices/ganquan-road/catalogue/index.html")));
        var second = parser.ParseDocument(File.ReadAllText(temp.Combine("out", "en/offices/ganquan-road/catalogue/2/index.html")));

        // Then
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(50, first.QuerySelectorAll("#catalogue-table tbody tr").Length);
        Assert.Equal(11, second.QuerySelectorAll("#catalogue-table tbody tr").Length);
        Assert.Equal("2", second.QuerySelector(".pagination a[aria-current=page]")!.TextContent);
        Assert.Equal("/en/offices/ganquan-road/catalogue/", second.QuerySelector(".pagination a:not([aria-current])")!.GetAttribute("href"));
    }
}
