using Publisher.Transparency.Import;

namespace Publisher.Transparency.Tests;

public sealed class StatisticsTableReaderTests
{
    private static readonly string[] RequestLabels =
    [
        "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开",
        "（二）部分公开（区分处理的，只计", "这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
        "8.属于行政查询事项", "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
        "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理",
    ];

    /// <summary>pdftotext-style text of a 2021-format report: one cell per line, headings wrapped.</summary>
    private static string ReportText(Func<string, string[]>? cellsOf = null)
    {
        string[] Cells(string label) => label switch
        {
            _ when label.StartsWith("一、本年新收", StringComparison.Ordinal) => ["19", "1", "0", "0", "0", "0", "20"],
            _ when label.StartsWith("二、上年结转", StringComparison.Ordinal) => ["2", "0", "0", "0", "0", "0", "2"],
            "（一）予以公开" => ["10", "1", "0", "0", "0", "0", "11"],
            "1.本机关不掌握相关政府信息" => ["8", "0", "0", "0", "0", "0", "8"],
            "（七）总计" => ["18", "1", "0", "0", "0", "0", "19"],
            "四、结转下年度继续办理" => ["3", "0", "0", "0", "0", "0", "3"],
            "三、本年度办理结果" or "（二）部分公开（区分处理的，只计" or "（三）不予公开" or "（四）无法提供" or "（五）不予处理" or "（六）其他处理" => [],
            _ => ["0", "0", "0", "0", "0", "0", "0"],
        };
        var cellsFor = cellsOf ?? Cells;
        var lines = new List<string>
        {
            "甘泉路街道2021年政府信息公开工作年度报告", "一、总体情况", "2021年，本街道……", "二、主动公开政府信息情况",
            "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "0", "行政规范性文件", "2", "1", "9",
            "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "12",
            "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "140", "行政强制", "3",
            "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", "0.5",
            "三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项之和，", "等于第三项加第四项之和）", "申请人情况",
            "自然人", "法人或其他组织", "总计", "商业", "企业", "科研", "机构", "社会公益组织", "法律服务机构", "其他",
        };
        foreach (var label in RequestLabels)
        {
            lines.Add(label);
            if (label != "（二）部分公开（区分处理的，只计")
            {
                lines.AddRange(cellsFor(label == "这一情形，不计其他情形）" ? "partly" : label));
            }
        }

        lines.AddRange(["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计",
            "未经复议直接起诉", "复议后起诉", "1", "1", "0", "0", "2", "1", "0", "0", "1", "2", "0", "0", "0", "1", "1", "五、存在的主要问题及改进情况", "……"]);
        return string.Join('\n', lines);
    }

    [Fact]
    public void Should_FillTheStatisticsBlock_When_EveryTableHasAClearShape()
    {
        // Given
        var text = ReportText();

        // When
        var result = StatisticsTableReader.Read(text, 2021);

        // Then
        Assert.True(result.Recognised, string.Join("\n", result.Warnings));
        var (statistics, diagnostics) = StatisticsSamples.Read(result.Yaml);
        Assert.Empty(diagnostics);
        Assert.Equal(new Statistics.KeyFigures(20, 11, 2, 3), statistics!.KeyFigures);
        Assert.Equal(0.5m, statistics.Total("proactive", "fees"));
        Assert.Contains("    new: [19, 1, 0, 0, 0, 0, 20]  # 一、本年新收政府信息公开申请数量\n", result.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_GiveTheLinesOfEachTable_When_TheTablesAreRead()
    {
        // Given
        var lines = ReportText().Split('\n').ToList();
        int LineOf(string text) => lines.IndexOf(text) + 1;

        // When
        var result = StatisticsTableReader.Read(string.Join('\n', lines), 2021);

        // Then: each range starts after the section title and ends with the table's last figure
        Assert.Equal(
            [
                new TextRange(LineOf("第二十条第（一）项"), LineOf("行政事业性收费") + 1),
                new TextRange(LineOf("三、收到和处理政府信息公开申请情况") + 1, LineOf("四、结转下年度继续办理") + 7),
                new TextRange(LineOf("四、政府信息公开行政复议、行政诉讼情况") + 1, LineOf("五、存在的主要问题及改进情况") - 1),
            ],
            result.TableLines);
    }

    [Fact]
    public void Should_ReadTheSameFigures_When_CellsAreSeparatedByBlankLines()
    {
        // Given: pdftotext often puts an empty line between cells
        var text = ReportText().Replace("\n", "\n\n", StringComparison.Ordinal);

        // When
        var result = StatisticsTableReader.Read(text, 2021);

        // Then
        Assert.True(result.Recognised, string.Join("\n", result.Warnings));
        Assert.Equal(StatisticsTableReader.Read(ReportText(), 2021).Yaml, result.Yaml);
    }

    [Fact]
    public void Should_ReadTheSameFigures_When_EachRowIsOneLineAsInLayoutMode()
    {
        // Given: pdftotext -layout keeps a row's heading and figures on one line
        var lines = ReportText().Split('\n');
        var rows = new List<string>();
        foreach (var line in lines)
        {
            if (rows.Count > 0 && line.All(char.IsAsciiDigit) && line.Length > 0)
            {
                rows[^1] += "   " + line;
            }
            else
            {
                rows.Add(line);
            }
        }

        // When
        var result = StatisticsTableReader.Read(string.Join('\n', rows), 2021);

        // Then
        Assert.Contains(rows, r => r.StartsWith("一、本年新收政府信息公开申请数量   19   1", StringComparison.Ordinal));
        Assert.True(result.Recognised, string.Join("\n", result.Warnings));
        Assert.Equal(StatisticsTableReader.Read(ReportText(), 2021).Yaml, result.Yaml);
    }

    [Fact]
    public void Should_LeaveAMarkedBlockAndGuessNothing_When_ACellIsMissing()
    {
        // Given: the blank cell of 2.重复申请 disappeared in extraction, as pdftotext does with empty cells
        var text = ReportText(label => label switch
        {
            "2.重复申请" => ["0", "0", "0", "0", "0", "0"],
            _ when label.StartsWith("一、本年新收", StringComparison.Ordinal) => ["19", "1", "0", "0", "0", "0", "20"],
            _ when label.StartsWith("二、上年结转", StringComparison.Ordinal) => ["2", "0", "0", "0", "0", "0", "2"],
            "（一）予以公开" => ["10", "1", "0", "0", "0", "0", "11"],
            "1.本机关不掌握相关政府信息" => ["8", "0", "0", "0", "0", "0", "8"],
            "（七）总计" => ["18", "1", "0", "0", "0", "0", "19"],
            "四、结转下年度继续办理" => ["3", "0", "0", "0", "0", "0", "3"],
            "三、本年度办理结果" or "（三）不予公开" or "（四）无法提供" or "（五）不予处理" or "（六）其他处理" => [],
            _ => ["0", "0", "0", "0", "0", "0", "0"],
        });

        // When
        var result = StatisticsTableReader.Read(text, 2021);

        // Then
        Assert.False(result.Recognised);
        Assert.Contains(result.Warnings, w => w.Contains("2.重复申请", StringComparison.Ordinal) && w.Contains("6 number(s)", StringComparison.Ordinal));
        Assert.All(result.Yaml.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("#", line, StringComparison.Ordinal));
        Assert.Contains("NOT FILLED IN", result.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("not_processed_repeated", result.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_MarkTheBlock_When_TheReportBreaksTheSumRule()
    {
        // Given: 四、结转 says 4, so 19 + 2 ≠ 18 + 4 for natural persons
        var text = ReportText().Replace("四、结转下年度继续办理\n3\n0\n0\n0\n0\n0\n3", "四、结转下年度继续办理\n4\n0\n0\n0\n0\n0\n4", StringComparison.Ordinal);

        // When
        var result = StatisticsTableReader.Read(text, 2021);

        // Then
        Assert.False(result.Recognised);
        Assert.Contains(result.Warnings, w => w.Contains("19 + 2 = 21", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReadTheOlderFormat_When_HeadingsWrapAndAChangeIsNegative()
    {
        // Given: pdftotext output of a 2020 report (national-2019 format) with wrapped column headings
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "national-2019-pdftotext.txt"));

        // When
        var result = StatisticsTableReader.Read(text);

        // Then
        Assert.True(result.Recognised, string.Join("\n", result.Warnings));
        var (statistics, diagnostics) = StatisticsSamples.Read(result.Yaml, null);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal("national-2019", statistics!.Schema.Key);
        Assert.Equal([10m, -1m, 177m], statistics.Row("proactive", "other_actions").ToArray());
        Assert.Equal(275.1m, statistics.Total("proactive", "procurement"));
    }

    [Fact]
    public void Should_RefuseTheTable_When_APageNumberRunsIntoTheFigures()
    {
        // Given: a page number right after table 四's fifteen figures
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "national-2019-pdftotext.txt"))
            .Replace("\n五、存在的主要问题", "\n\n3\n五、存在的主要问题", StringComparison.Ordinal);

        // When
        var result = StatisticsTableReader.Read(text);

        // Then
        Assert.False(result.Recognised);
        Assert.Contains(result.Warnings, w => w.Contains("found 16 number(s)", StringComparison.Ordinal));
        Assert.DoesNotContain("appeals", result.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SayWhichTableIsMissing_When_TheTextHasNoTables()
    {
        // Given
        var text = "甘泉路街道2021年政府信息公开工作年度报告\n一、总体情况\n本年度……";

        // When
        var result = StatisticsTableReader.Read(text, 2021);

        // Then
        Assert.False(result.Recognised);
        Assert.Contains(result.Warnings, w => w.Contains("第二十条第（一）项", StringComparison.Ordinal));
    }
}
