using Publisher.Site;
using Publisher.Testing;
using UglyToad.PdfPig;

namespace Publisher.Deploy.Tests;

public sealed class AttachmentTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    private const string Source = "content/ganquan-road/2021/rule-of-law-report.pdf";

    [Fact]
    public void Should_Publish_The_Attachment_Beside_Its_Page()
    {
        // Given
        var original = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, Source));

        // When
        var published = File.ReadAllBytes(Path.Combine(site.Output, "ganquan-road/2021/rule-of-law-report/rule-of-law-report.pdf"));

        // Then
        Assert.Equal(original, published);
    }

    [Theory]
    [InlineData("ganquan-road/2021/rule-of-law-report/index.html", "{0}页")]
    [InlineData("en/ganquan-road/2021/rule-of-law-report/index.html", "{0} pages")]
    public void Should_Show_Format_Size_Pages_And_How_To_Ask_For_Another_Format(string page, string pages)
    {
        // Given
        var path = Path.Combine(RepositoryRoot.Path, Source);
        using var pdf = PdfDocument.Open(path);
        var kilobytes = (int)Math.Round(new FileInfo(path).Length / 1024.0);

        // When
        var html = site.Read(page);

        // Then
        Assert.True(pdf.NumberOfPages > 1);
        Assert.Contains("href=\"/portal/ganquan-road/2021/rule-of-law-report/rule-of-law-report.pdf\"", html);
        Assert.Contains($"<p class=\"attachment-metadata\">PDF, {kilobytes} KB, {string.Format(pages, pdf.NumberOfPages)}</p>", html);
        Assert.Contains("<p class=\"attachment-note\">", html);
        Assert.Contains("accessibility/\">", html[html.IndexOf("attachment-note", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Should_Fail_At_The_File_Value_When_An_Attachment_Is_Missing()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var report = temp.Combine("content/ganquan-road/2021/rule-of-law-report.md");
        File.WriteAllText(report, File.ReadAllText(report).Replace("file: rule-of-law-report.pdf", "file: rule-of-law-reprot.pdf"));
        var lines = File.ReadAllLines(report);
        var line = Array.FindIndex(lines, l => l.Contains("reprot", StringComparison.Ordinal));

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "PUB1111");
        Assert.Equal("content/ganquan-road/2021/rule-of-law-report.md", error.Location.File);
        Assert.Equal(line + 1, error.Location.Line);
        Assert.Equal(lines[line].IndexOf("rule-of-law-reprot.pdf", StringComparison.Ordinal) + 1, error.Location.Column);
        Assert.Contains("'rule-of-law-reprot.pdf'", error.Message);
        Assert.Contains("rule-of-law-report.pdf", error.Hint);
    }
}
