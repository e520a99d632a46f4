namespace Publisher.Import.Tests;

public sealed class MetadataTests
{
    [Fact]
    public void Should_ReadEveryHeaderAndFooterField_When_TheDocumentHasThem()
    {
        // Given
        var importer = ImportHelper.CreateImporter();
        var text = "曹办[2021]7号 签发人：殷路群\n\n2021 年度曹杨新村街道办事处法治政府建设\n\n情况报告\n\n区政府:\n\n一、基本情况\n\n今年工作很好。\n\n曹杨新村街道办事处\n\n2021 年 12 月 12 日\n\n上海市普陀区曹杨新村街道办事处 2021 年 12 月 12 日印发\n（共印5份）\n";

        // When
        var result = importer.Import(text, "caoyang.txt");

        // Then
        var m = result.Metadata;
        Assert.Equal("2021年度曹杨新村街道办事处法治政府建设情况报告", m.Title);
        Assert.Equal("曹办〔2021〕7号", m.DocNumber);
        Assert.Equal("殷路群", m.Signer);
        Assert.Equal("区政府", m.Addressee);
        Assert.Equal("caoyang-xincun", m.Office);
        Assert.Equal("普陀区", m.District);
        Assert.Equal(2021, m.Year);
        Assert.Equal(new DateOnly(2021, 12, 12), m.Issued);
        Assert.Equal("上海市普陀区曹杨新村街道办事处", m.PrintOffice);
        Assert.Equal(5, m.Copies);
        Assert.Equal(["基本情况"], result.Headings);
        Assert.DoesNotContain("签发人", result.Markdown.Split("---")[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_LeaveFieldsOutAndWarn_When_TheDocumentHasNoTitleDateOrNumber()
    {
        // Given
        var importer = ImportHelper.CreateImporter();
        var text = "2020年，张庙街道在区委领导下推进法治建设。\n一、主要举措\n街道召开会议。\n";

        // When
        var result = importer.Import(text, "zhangmiao.txt");

        // Then
        Assert.Null(result.Metadata.Title);
        Assert.Null(result.Metadata.Issued);
        Assert.Null(result.Metadata.DocNumber);
        Assert.DoesNotContain("title:", result.Markdown, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Code == "PUB0402");
        Assert.Contains(result.Warnings, w => w.Code == "PUB0403");
    }

    [Fact]
    public void Should_ReadAChineseNumeralDate_When_TheSignatureDateIsWrittenOut()
    {
        // Given
        var importer = ImportHelper.CreateImporter();
        var text = "月浦镇2021年法治政府建设工作报告\n\n工作很好。\n\n上海市宝山区月浦镇人民政府\n二〇二二年一月十四日\n";

        // When
        var result = importer.Import(text, "yuepu.txt");

        // Then
        Assert.Equal(new DateOnly(2022, 1, 14), result.Metadata.Issued);
        Assert.Equal("yuepu", result.Metadata.Office);
    }
}
