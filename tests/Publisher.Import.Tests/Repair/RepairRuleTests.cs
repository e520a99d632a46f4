using Publisher.Import.Repair;

namespace Publisher.Import.Tests.Repair;

public sealed class RepairRuleTests
{
    [Theory]
    [InlineData("2021 年 12 月 3 日", "2021年12月3日")]
    [InlineData("共 12 个窗口", "共12个窗口")]
    [InlineData("the annual report 2021", "the annual report 2021")]
    [InlineData("政务服务中心 LOGO", "政务服务中心 LOGO")]
    public void Should_RemoveOnlyTheSpacesBetweenDigitsAndChinese(string input, string expected)
    {
        // Given / When
        var actual = CjkSpacing.Apply(input);

        // Then
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("目标,进一步", "目标，进一步")]
    [InlineData("(四)进一步加强", "（四）进一步加强")]
    [InlineData("如下:", "如下：")]
    [InlineData("进园区（企业) 宣讲", "进园区（企业）宣讲")]
    [InlineData("共3,000元，增长3.5%，12:30开会", "共3,000元，增长3.5%，12:30开会")]
    [InlineData("调处率为 100%, 成功调解 217 件", "调处率为 100%，成功调解 217 件")]
    [InlineData("rose by 5%, then fell", "rose by 5%, then fell")]
    [InlineData("Hello, world (see p. 3)", "Hello, world (see p. 3)")]
    [InlineData("纲要（2021-2025 年）", "纲要（2021-2025 年）")]
    public void Should_MakePunctuationFullWidthOnlyInChineseContext(string input, string expected)
    {
        // Given / When
        var actual = PunctuationNormalizer.Apply(input);

        // Then
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("综合窗ロ受理", "综合窗口受理")]
    [InlineData("⽇常工作", "日常工作")]
    [InlineData("カタカナ", "カタカナ")]
    [InlineData("ロボット", "ロボット")]
    public void Should_FixLookAlikes_When_InChineseContext(string input, string expected)
    {
        // Given / When
        var actual = LookAlikeFixer.Apply(input);

        // Then
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Should_DropPageNumbersFormFeedsAndRunningHeaders()
    {
        // Given
        var header = "甘泉路街道法治政府建设情况报告";
        var lines = new[] { header, "第一段。", "-1-", "\f" + header, "第二段。", "— 2 —", header, "第三段。", "第 3 页 共 3 页", "12" };

        // When
        var kept = PageDebrisRemover.Apply(lines).Where(l => l.Length > 0).ToList();

        // Then
        Assert.Equal(["第一段。", "第二段。", "第三段。", "12"], kept);
    }

    [Theory]
    [InlineData("深入", "学习", "深入学习")]
    [InlineData("the annual", "report", "the annual report")]
    [InlineData("2021", "年", "2021年")]
    public void Should_JoinBrokenLinesWithoutSpacesBetweenChinese(string left, string right, string expected)
    {
        // Given / When
        var joined = LineJoiner.Join(left, right);

        // Then
        Assert.Equal(expected, joined);
    }
}
