using CsCheck;
using Publisher.Content.FrontMatter;
using Publisher.Core.Diagnostics;

namespace Publisher.Content.Tests.FrontMatter;

public sealed class FrontMatterSplitterTests
{
    private static readonly Gen<string> Files = Gen.String[Gen.Char["-.\n\r \tab:甘"], 0, 40]
        .Select(Gen.Int[0, 4], (text, start) => new[] { "---\n", "--- \r\n", "---", "---\nx: 1\n---", string.Empty }[start] + text);

    [Fact]
    public void Should_SplitLikeSplittingIntoLinesAndJoiningThem_When_GivenAnyText()
    {
        Files.Sample(text => Assert.Equal(ByLines(text), Outcome(() => FrontMatterSplitter.Split(text, "a.md"))), iter: 20000);
    }

    [Fact]
    public void Should_KeepTheBodysLineNumber_When_TheFenceIsClosedWithDots()
    {
        // When
        var parts = FrontMatterSplitter.Split("---\r\ntitle: 报告\r\n...\r\n正文\r\n", "a.md");

        // Then
        Assert.Equal(("title: 报告\r", 2, "正文\r\n", 4), (parts.Yaml, parts.YamlLine, parts.Body, parts.BodyLine));
    }

    private static string Outcome(Func<FrontMatterSplitter.Parts> split)
    {
        try
        {
            var parts = split();
            return $"{parts.Yaml}|{parts.YamlLine}|{parts.Body}|{parts.BodyLine}";
        }
        catch (ContentException ex)
        {
            return ex.Diagnostic.Code;
        }
    }

    /// <summary>What the splitter did before it scanned the text in place: split into lines, joined again.</summary>
    private static string ByLines(string text) => Outcome(() =>
    {
        var lines = text.Split('\n');
        if (lines[0].TrimEnd('\r', ' ', '\t') != "---")
        {
            throw new ContentException("PUB0103", new SourceSpan("a.md", 1, 1), "-", "-");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r', ' ', '\t') is "---" or "...")
            {
                return new FrontMatterSplitter.Parts(string.Join('\n', lines[1..i]), 2, i + 1 < lines.Length ? string.Join('\n', lines[(i + 1)..]) : string.Empty, i + 2);
            }
        }

        throw new ContentException("PUB0104", new SourceSpan("a.md", 1, 1), "-", "-");
    });
}
