using AngleSharp.Html.Parser;
using Publisher.Transparency.Rendering;

namespace Publisher.Transparency.Tests;

public sealed class StatisticsTableRendererTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Render(string language)
    {
        var (statistics, _) = StatisticsSamples.Read(StatisticsSamples.National2021());
        return new HtmlParser().ParseDocument($"<main>{StatisticsTableRenderer.Render(statistics!, language)}</main>");
    }

    [Fact]
    public void Should_GiveEveryTableACaption()
    {
        // Given
        var document = Render("zh-CN");

        // When
        var tables = document.QuerySelectorAll("table");

        // Then: table 二 has four blocks, 三 and 四 one each
        Assert.Equal(6, tables.Length);
        Assert.All(tables, t => Assert.False(string.IsNullOrWhiteSpace(t.QuerySelector("caption")?.TextContent)));
    }

    [Fact]
    public void Should_ReferOnlyToHeaderCellsOfTheSameTable_When_CellsListTheirHeaders()
    {
        // Given
        var document = Render("en");

        // When
        var problems = new List<string>();
        foreach (var table in document.QuerySelectorAll("table"))
        {
            var ids = table.QuerySelectorAll("th[id]").Select(th => th.Id!).ToHashSet();
            foreach (var cell in table.QuerySelectorAll("td"))
            {
                if (cell.ClassList.Contains("statistics-corner"))
                {
                    continue;
                }

                var headers = cell.GetAttribute("headers")?.Split(' ') ?? [];
                if (headers.Length == 0 || headers.Any(h => !ids.Contains(h)))
                {
                    problems.Add(cell.OuterHtml);
                }
            }
        }

        // Then
        Assert.Empty(problems);
        Assert.Equal(document.QuerySelectorAll("[id]").Length, document.QuerySelectorAll("[id]").Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Should_AnnounceTheWholeHeaderPath_When_ACellSitsUnderMultiLevelHeaders()
    {
        // Given
        var document = Render("zh-CN");

        // When: the cell of table 三 for businesses who asked, answered "not held by this office"
        var cell = document.QuerySelectorAll("td[headers]")
            .First(td => td.GetAttribute("headers")!.Contains("-c-businesses", StringComparison.Ordinal) && td.GetAttribute("headers")!.Contains("-r-unavailable_not_held", StringComparison.Ordinal));
        var names = cell.GetAttribute("headers")!.Split(' ').Select(id => document.GetElementById(id)!.TextContent).ToList();

        // Then
        Assert.Equal(["申请人情况", "法人或其他组织", "商业企业", "三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"], names);
        Assert.Equal("0", cell.TextContent);
    }

    [Fact]
    public void Should_SpanTheGroupHeadings_When_TheRequestsTableHasAThreeLevelHeader()
    {
        // Given
        var document = Render("zh-CN");

        // When
        var head = document.QuerySelector("#stats-requests-caption")!.ParentElement!.QuerySelector("thead")!;

        // Then
        Assert.Equal(3, head.QuerySelectorAll("tr").Length);
        Assert.Equal("7", head.QuerySelector("#stats-requests-g-applicants")!.GetAttribute("colspan"));
        Assert.Equal("5", head.QuerySelector("#stats-requests-g-legal_persons")!.GetAttribute("colspan"));
        Assert.Equal("2", head.QuerySelector("#stats-requests-c-natural_persons")!.GetAttribute("rowspan"));
    }

    [Fact]
    public void Should_DescribeEveryBar_When_TheChartIsRendered()
    {
        // Given
        var (statistics, _) = StatisticsSamples.Read(StatisticsSamples.National2021());

        // When
        var svg = StatisticsChart.Render(statistics!, "en");
        var alt = StatisticsChart.TextAlternative(statistics!, "en");

        // Then
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style", svg, StringComparison.Ordinal);
        Assert.Contains("New requests: 20", alt, StringComparison.Ordinal);
        Assert.Contains("Cannot be provided: 8", alt, StringComparison.Ordinal);
        Assert.Contains(alt, svg, StringComparison.Ordinal);
    }
}
