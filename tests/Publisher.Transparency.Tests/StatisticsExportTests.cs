using System.Text.Json;
using Publisher.Transparency.Data;
using Publisher.Transparency.Statistics;

namespace Publisher.Transparency.Tests;

public sealed class StatisticsExportTests
{
    private static ReportFigures Report(string office, string name)
    {
        var (statistics, _) = StatisticsSamples.Read(StatisticsSamples.National2021());
        return new ReportFigures(office, new Label(name, "Office, \"quoted\""), 2021, $"https://example.org/{office}/2021/report/", statistics!);
    }

    [Fact]
    public void Should_StartWithAByteOrderMarkAndQuoteFields_When_WritingCsv()
    {
        // Given
        var reports = new[] { Report("ganquan-road", "甘泉路街道办事处") };

        // When
        var csv = StatisticsExport.Csv(reports);
        var lines = csv[1..].Split("\r\n");

        // Then
        Assert.Equal('\uFEFF', csv[0]);
        Assert.Equal(string.Join(',', StatisticsExport.CsvColumns), lines[0]);
        Assert.Contains("2021,ganquan-road,甘泉路街道办事处,\"Office, \"\"quoted\"\"\",national-2021,false,requests,new,一、本年新收政府信息公开申请数量,natural_persons,自然人,19,https://example.org/ganquan-road/2021/report/", lines);
        Assert.Contains(lines, l => l.Contains(",proactive,fees,", StringComparison.Ordinal) && l.Contains(",0.5,", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_WriteTheSameBytes_When_ReportsComeInAnotherOrder()
    {
        // Given
        var a = Report("ganquan-road", "甘泉路街道办事处");
        var b = Report("yuepu", "月浦镇人民政府");

        // When
        var first = StatisticsExport.Json([a, b], 2021) + StatisticsExport.Csv([a, b]) + StatisticsExport.KeyFiguresCsv([a, b]);
        var second = StatisticsExport.Json([b, a], 2021) + StatisticsExport.Csv([b, a]) + StatisticsExport.KeyFiguresCsv([b, a]);

        // Then
        Assert.Equal(first, second);
    }

    [Fact]
    public void Should_NestTheFiguresByTableRowAndColumn_When_WritingJson()
    {
        // Given
        var reports = new[] { Report("yuepu", "月浦镇人民政府") };

        // When
        using var json = JsonDocument.Parse(StatisticsExport.Json(reports, 2021));
        var report = json.RootElement.GetProperty("reports")[0];

        // Then
        Assert.Equal(2021, json.RootElement.GetProperty("year").GetInt32());
        Assert.Equal("月浦镇人民政府", report.GetProperty("office_name").GetString());
        Assert.Equal(8, report.GetProperty("tables").GetProperty("requests").GetProperty("unavailable_not_held").GetProperty("total").GetInt32());
        Assert.Equal(20, report.GetProperty("key_figures").GetProperty("received").GetInt32());
        Assert.Equal(3, report.GetProperty("key_figures").GetProperty("lawsuits").GetInt32());
    }
}
