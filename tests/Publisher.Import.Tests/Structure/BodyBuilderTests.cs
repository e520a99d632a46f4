using Publisher.Import.Structure;

namespace Publisher.Import.Tests.Structure;

public sealed class BodyBuilderTests
{
    [Fact]
    public void Should_KeepSectionsWhoseNumberingRestartsOrSkips()
    {
        // Given
        string[] lines = ["一、基本情况", "内容。", "三、主要做法", "（二）第一项", "内容。", "一、重新开始", "内容。"];

        // When
        var blocks = BodyBuilder.Build(lines, blankLineEndsParagraph: false);

        // Then
        Assert.Equal([2, 0, 2, 3, 0, 2, 0], blocks.Select(b => b.Level));
    }

    [Fact]
    public void Should_KeepListItemsInsideTheirParagraph()
    {
        // Given
        string[] lines = ["主要工作如下：", "1、加强学习；", "2、完善制度；", "3、强化监督。"];

        // When
        var blocks = BodyBuilder.Build(lines, blankLineEndsParagraph: false);

        // Then
        Assert.DoesNotContain(blocks, b => b.IsHeading);
    }

    [Fact]
    public void Should_SplitHeadings_When_TheWholeDocumentIsOneLine()
    {
        // Given
        var line = "一、总体情况2021年，街道推进依法行政，完善制度建设，全年召开会议十二次，开展培训二十余场。" + new string('好', 400) + "。二、存在问题。一是宣传不够。";

        // When
        var blocks = BodyBuilder.Build([line], blankLineEndsParagraph: false);

        // Then
        Assert.Equal(["一、总体情况", "二、存在问题"], blocks.Where(b => b.Level == 2).Select(b => b.Text));
    }

    [Fact]
    public void Should_JoinALineBrokenMidSentence()
    {
        // Given
        string[] lines = ["2021 年，甘泉路街道在区委的坚强领导下，深入", "", "学习贯彻新思想。"];

        // When
        var blocks = BodyBuilder.Build(lines, blankLineEndsParagraph: false);

        // Then
        Assert.Equal("2021年，甘泉路街道在区委的坚强领导下，深入学习贯彻新思想。", Assert.Single(blocks).Text);
    }
}
