using Publisher.Core.Diagnostics;

namespace Publisher.Transparency.Tests;

public sealed class StatisticsReaderTests
{
    [Fact]
    public void Should_ReadEveryTable_When_TheBlockIsComplete()
    {
        // Given
        var yaml = StatisticsSamples.National2021();

        // When
        var (statistics, diagnostics) = StatisticsSamples.Read(yaml);

        // Then
        Assert.Empty(diagnostics);
        Assert.NotNull(statistics);
        Assert.Equal("national-2021", statistics.Schema.Key);
        Assert.Equal([19m, 1m, 0m, 0m, 0m, 0m, 20m], statistics.Row("requests", "new").ToArray());
        Assert.Equal(0.5m, statistics.Total("proactive", "fees"));
        Assert.Equal(new Statistics.KeyFigures(20, 11, 2, 3), statistics.KeyFigures);
    }

    [Fact]
    public void Should_NameTheColumnAndTheNumbers_When_TheSumRuleIsBroken()
    {
        // Given: natural persons 19 + 2 = 21, but 总计 18 + carried forward 4 = 22
        var yaml = StatisticsSamples.National2021(new() { ["carried_forward"] = "[4, 0, 0, 0, 0, 0, 4]" });

        // When
        var (statistics, diagnostics) = StatisticsSamples.Read(yaml);

        // Then
        Assert.Null(statistics);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(2, errors.Count);
        var error = errors[0];
        Assert.Equal("PUB1010", error.Code);
        Assert.Contains("自然人", error.Message, StringComparison.Ordinal);
        Assert.Contains("19 + 2 = 21", error.Message, StringComparison.Ordinal);
        Assert.Contains("18 + 4 = 22", error.Message, StringComparison.Ordinal);
        Assert.Contains("总计", errors[1].Message, StringComparison.Ordinal);
        var requestsLine = yaml.Split('\n').ToList().FindIndex(l => l.StartsWith("  requests:", StringComparison.Ordinal)) + 2;
        Assert.Equal(new SourceSpan("report.md", requestsLine + 1, 5), error.Location);
    }

    [Fact]
    public void Should_ReportTheRow_When_ARequiredRowIsMissing()
    {
        // Given
        var yaml = StatisticsSamples.National2021().Replace("    withheld_third_party: [0, 0, 0, 0, 0, 0, 0]\n", string.Empty, StringComparison.Ordinal);

        // When
        var (statistics, diagnostics) = StatisticsSamples.Read(yaml);

        // Then
        Assert.Null(statistics);
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PUB1003", error.Code);
        Assert.Contains("withheld_third_party", error.Message, StringComparison.Ordinal);
        Assert.Contains("保护第三方合法权益", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[19, 1, 0, 0, 0, 0, -20]", "-20")]
    [InlineData("[19, 1, 0, 0, 0, 0, 20.5]", "20.5")]
    [InlineData("[19, 1, 0, 0, 0, 0, 二十]", "二十")]
    public void Should_PointAtTheCell_When_ACountIsNotAWholeNonNegativeNumber(string row, string bad)
    {
        // Given
        var yaml = StatisticsSamples.National2021(new() { ["new"] = row });

        // When
        var (statistics, diagnostics) = StatisticsSamples.Read(yaml);

        // Then
        Assert.Null(statistics);
        var error = Assert.Single(diagnostics, d => d.Code == "PUB1005");
        Assert.Contains($"'{bad}'", error.Message, StringComparison.Ordinal);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.StartsWith("    new:", StringComparison.Ordinal)) + 2;
        Assert.Equal(line, error.Location.Line);
        Assert.Equal(("    new: " + row).IndexOf(bad, StringComparison.Ordinal) + 1, error.Location.Column);
    }

    [Fact]
    public void Should_ReportTheCount_When_ARowHasTooFewCells()
    {
        // Given
        var yaml = StatisticsSamples.National2021(new() { ["disclosed"] = "[10, 1, 0, 0, 0, 11]" });

        // When
        var (_, diagnostics) = StatisticsSamples.Read(yaml);

        // Then
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PUB1004", error.Code);
        Assert.Contains("needs 7 number(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_AcceptADecrease_When_TheOlderFormatHasAChangeColumn()
    {
        // Given: the 2019 format's table 二 has 本年增/减, and a single （六）其他处理 row
        var yaml = StatisticsSamples.National2021()
            .Replace("format: national-2021", "format: national-2019", StringComparison.Ordinal)
            .Replace("    licensing: 12\n", "    licensing: [3, -1, 12]\n    other_actions: [5, 0, 40]\n", StringComparison.Ordinal)
            .Replace("    penalties: 140\n    enforcement: 3\n    fees: 0.5\n", "    penalties: [4, 0, 140]\n    enforcement: [1, 0, 3]\n    fees: [0, 0]\n    procurement: [2, 35.5]\n", StringComparison.Ordinal)
            .Replace("    normative_documents: [2, 1, 9]", "    normative_documents: [2, 2, 9]", StringComparison.Ordinal)
            .Replace("    other_no_correction: [0, 0, 0, 0, 0, 0, 0]\n    other_unpaid_fees: [0, 0, 0, 0, 0, 0, 0]\n    other_other: [0, 0, 0, 0, 0, 0, 0]\n", "    other: [0, 0, 0, 0, 0, 0, 0]\n", StringComparison.Ordinal);

        // When
        var (statistics, diagnostics) = StatisticsSamples.Read(yaml, 2020);

        // Then
        Assert.Empty(diagnostics);
        Assert.Equal("national-2019", statistics!.Schema.Key);
        Assert.Equal(-1m, statistics.Row("proactive", "licensing")[1]);
    }

    [Fact]
    public void Should_SuggestTheFormats_When_TheFormatIsUnknown()
    {
        // Given
        var yaml = StatisticsSamples.National2021().Replace("national-2021", "national-2008", StringComparison.Ordinal);

        // When
        var (statistics, diagnostics) = StatisticsSamples.Read(yaml);

        // Then
        Assert.Null(statistics);
        var error = Assert.Single(diagnostics);
        Assert.Equal("PUB1002", error.Code);
        Assert.Contains("national-2019", error.Hint, StringComparison.Ordinal);
    }
}
