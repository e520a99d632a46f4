using Publisher.Import.Readers;

namespace Publisher.Import.Tests;

public sealed class ReaderFixtureTests
{
    [Theory]
    [InlineData("yuepu.pdf")]
    [InlineData("yuepu.docx")]
    public void Should_ImportEndToEnd_When_GivenARealFile(string file)
    {
        // Given
        var importer = ImportHelper.CreateImporter();
        var warnings = new List<ImportWarning>();

        // When
        var text = SourceReader.Read(Path.Combine(TestPaths.Fixtures, file), warnings);
        var result = importer.Import(text, file);
        var (item, diagnostics) = ImportHelper.ParseWithSiteParser(result);

        // Then
        Assert.Equal("月浦镇2021年法治政府建设工作报告", result.Metadata.Title);
        Assert.Equal("宝月府〔2022〕1号", result.Metadata.DocNumber);
        Assert.Equal("yuepu", result.Metadata.Office);
        Assert.Equal(new DateOnly(2022, 1, 14), result.Metadata.Issued);
        Assert.Equal(4, result.Headings.Count);
        Assert.Empty(diagnostics);
        Assert.NotNull(item);
    }

    [Fact]
    public void Should_ConvertAndWarn_When_TheTextIsGb18030()
    {
        // Given
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var path = Path.Combine(Path.GetTempPath(), $"gb-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, System.Text.Encoding.GetEncoding("GB18030").GetBytes("月浦镇2021年法治政府建设工作报告\n一、基本情况\n月浦镇全面推进依法行政，建设法治政府，取得明显成效。"));
        var warnings = new List<ImportWarning>();

        // When
        var text = SourceReader.Read(path, warnings);
        File.Delete(path);

        // Then
        Assert.StartsWith("月浦镇2021年", text, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Code == "PUB0401");
    }
}
