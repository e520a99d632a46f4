using Publisher.Import.Structure;

namespace Publisher.Import.Tests.Structure;

public sealed class HeadingClassifierTests
{
    [Theory]
    [InlineData("一、基本情况", 2, "一、基本情况")]
    [InlineData("（一）全力以赴打好新冠病毒阻击战", 3, "（一）全力以赴打好新冠病毒阻击战")]
    [InlineData("(二)推进全面依法治理", 3, "（二）推进全面依法治理")]
    [InlineData("1、落实“新地标”推进标准化建设", 4, "1、落实“新地标”推进标准化建设")]
    [InlineData("2.持续开展综合窗口改革", 4, "2.持续开展综合窗口改革")]
    [InlineData("（1）建立工作台账", 5, "（1）建立工作台账")]
    public void Should_MapTheNumberingHierarchyToLevels(string line, int level, string text)
    {
        // Given / When
        var heading = HeadingClassifier.Classify(line, string.Empty);

        // Then
        Assert.Equal((level, text), heading);
    }

    [Theory]
    [InlineData("一是积极对接企业复工需求，了解企业复工复产需求。")]
    [InlineData("1、加强学习；")]
    [InlineData("一、街道全年共开展法治宣传活动三十余场，覆盖居民一万余人次，取得了良好成效。")]
    [InlineData("（一）夯实法治建设基础，提升基层法治建设质效。完善领")]
    [InlineData("一、本年新收政府信息公开申请数量")]
    [InlineData("2021年，街道继续做好疫情防控")]
    public void Should_NotBeAHeading_When_ItOnlyLooksLikeOne(string line)
    {
        // Given / When
        var heading = HeadingClassifier.Classify(line, string.Empty);

        // Then
        Assert.Null(heading);
    }

    [Fact]
    public void Should_NotBeAHeading_When_NumbersFollowAsTableCells()
    {
        // Given / When
        var heading = HeadingClassifier.Classify("二、上年结转申请", "12");

        // Then
        Assert.Null(heading);
    }
}
