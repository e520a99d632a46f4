using System.Text;
using Publisher.Content.Text;
using Publisher.Core.Diagnostics;

namespace Publisher.Content.Tests.Text;

public sealed class TextDecoderTests
{
    private const string Chinese = "---\ntitle: 甘泉路街道法治政府建设情况报告\n---\n坚持依法行政，推进严格规范公正文明执法。\n";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Should_Read_Utf8_With_And_Without_A_Bom()
    {
        // Given
        var plain = Encoding.UTF8.GetBytes(Chinese);
        var withBom = Encoding.UTF8.GetPreamble().Concat(plain).ToArray();

        // When
        var first = TextDecoder.Decode(plain, "a.md");
        var second = TextDecoder.Decode(withBom, "a.md");

        // Then
        Assert.Equal(Chinese, first.Text);
        Assert.Equal(Chinese, second.Text);
        Assert.Null(first.ConvertedFrom);
    }

    [Fact]
    public void Should_Convert_Gb18030_And_Say_So()
    {
        // Given
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Chinese);

        // When
        var result = TextDecoder.Decode(bytes, "a.md");

        // Then
        Assert.Equal(Chinese, result.Text);
        Assert.NotNull(result.ConvertedFrom);
    }

    [Fact]
    public void Should_Convert_Utf16_With_A_Bom()
    {
        // Given
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Chinese)).ToArray();

        // When
        var result = TextDecoder.Decode(bytes, "a.md");

        // Then
        Assert.Equal(Chinese, result.Text);
    }

    [Fact]
    public void Should_Name_The_Line_And_Column_Of_An_Invalid_Byte()
    {
        // Given
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: 报告\n---\n")
            .Concat(Encoding.UTF8.GetBytes("正文"))
            .Concat(new byte[] { 0xFF, 0xFE, 0xFD, 0x80 })
            .Concat(Encoding.UTF8.GetBytes("依法行政坚持依法行政坚持依法行政\n"))
            .ToArray();

        // When
        var error = Assert.Throws<ContentException>(() => TextDecoder.Decode(bytes, "a.md"));

        // Then
        Assert.Equal("a.md", error.Diagnostic.Location.File);
        Assert.Equal(4, error.Diagnostic.Location.Line);
        Assert.Equal(3, error.Diagnostic.Location.Column);
    }
}
