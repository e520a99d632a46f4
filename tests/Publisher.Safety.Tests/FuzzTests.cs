using System.Text;
using CsCheck;
using Publisher.Content.Configuration;
using Publisher.Content.FrontMatter;
using Publisher.Content.Markdown;
using Publisher.Content.Model;
using Publisher.Content.Text;
using Publisher.Core.Diagnostics;

namespace Publisher.Safety.Tests;

/// <summary>
/// Property tests (CsCheck) of the two paths every content file takes: bytes → text → front matter → content item,
/// and Markdown → HTML. On any input they may only fail with our own <see cref="ContentException"/>, must finish
/// within a time box, and the HTML must hold no script vector and must not break out of the element it is put in.
/// </summary>
public sealed class FuzzTests
{
    private const string File = "content/ganquan-road/2021/fuzz.md";
    // A guard against inputs that hang the parser or blow up its time, not a speed target: the slowest case takes
    // about 1 s here, and the other suites (Chromium among them) share the machine's two cores while these run.
    private static readonly TimeSpan TimeBox = TimeSpan.FromSeconds(30);
    private static readonly MarkdownRenderer Renderer = new(new SiteOptions { IframeHosts = ["player.example.gov.cn"] });

    private static readonly string[] YamlTokens =
    [
        "title", "kind", "office", "year", "issued", "attachments", "summary", "file", ":", ": ", " ", "  ", "\n", "\n  ", "- ",
        "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "<<: *a", "!!str ", "!!binary ", "!ruby/object ", "'", "\"", "\\", "\t",
        "|", ">", "#", "---", "...", "? ", "%YAML 1.2", "~", "null", "1e999", "2021-02-30", "2021-12-03", "0x1F", "年度报告", "甘泉路街道",
        "annual-report", "ganquan-road", "2021", "../", "C:\\", "\u0000", "\u001b", "\u00a0", "\ufeff", "\ud800", "<script>", "javascript:",
    ];

    private static readonly string[] MarkdownTokens =
    [
        "正文", "text", " ", "\n", "\n\n", "# ", "## ", "- ", "1. ", "> ", "*", "_", "**", "`", "```", "~~~", "|", "---", "[", "]", "(", ")",
        "![", "<", ">", "\"", "'", "&", "&#106;", "&#x6A;", "&colon;", "\\", "[^1]", "[^1]: ", "+---+---+\n", "| a | b |\n|---|---|\n",
        "<script>alert(1)</script>", "<script", "</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
        "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](java\tscript:alert(1))", "<javascript:alert(1)>", "![x](data:text/html,<script>alert(1)</script>)",
        "<a href=\"javascript:alert(1)\">", "<a href=\"&#106;avascript:alert(1)\">", "<a href='java\nscript:alert(1)'>", "</a>",
        "<iframe src=\"https://evil.example/\">", "<iframe src=\"https://player.example.gov.cn/v\"></iframe>", "<iframe srcdoc=\"<script>alert(1)</script>\">",
        "<style>body{}</style>", "<p style=\"x:expression(alert(1))\">", "<div onclick=alert(1)>", "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<textarea>", "</textarea>", "<title>", "<xmp>", "<!--", "-->", "<![CDATA[", "]]>", "<base href=//evil.example>", "<form action=//evil.example>",
        "<meta http-equiv=refresh content=0>", "<object data=x>", "<embed src=x>", "<input autofocus onfocus=alert(1)>", "<template>", "</main>", "</body>",
        "<table>", "<td>", "<select><option>", "<plaintext>", "\u0000", "\u2028",
    ];

    [Fact]
    public void Should_Only_Raise_Content_Errors_When_Random_Bytes_Are_Read_As_A_Document() =>
        Gen.Byte.Array[0, 3000]
            .Select(bytes => Encoding.UTF8.GetBytes("---\n").Concat(bytes).ToArray())
            .Sample(bytes => TimeBoxed(() => ParseDocument(bytes)), iter: 1500, threads: 1, print: bytes => Convert.ToHexString(bytes));

    [Fact]
    public void Should_Only_Raise_Content_Errors_When_Front_Matter_Is_Random_Yaml_Like_Text() =>
        Gen.OneOf(YamlTokens).Array[0, 80]
            .Select(tokens => "---\n" + string.Concat(tokens) + "\n---\n正文\n")
            .Sample(text => TimeBoxed(() => ParseDocument(Encoding.UTF8.GetBytes(text))), iter: 3000, threads: 1, print: Escape);

    [Fact]
    public void Should_Never_Publish_A_Script_Vector_When_Markdown_Holds_Random_Html() =>
        Gen.OneOf(MarkdownTokens).Array[0, 60]
            .Select(string.Concat)
            .Sample(markdown => TimeBoxed(() => CheckRenderedHtml(markdown)), iter: 3000, threads: 1, print: Escape);

    [Fact]
    public void Should_Never_Publish_A_Script_Vector_When_Markdown_Is_Random_Text() =>
        Gen.String[Gen.Char, 0, 400]
            .Sample(markdown => TimeBoxed(() => CheckRenderedHtml(markdown)), iter: 1500, threads: 1, print: Escape);

    [Theory]
    [InlineData("> ", 20000, "x")]
    [InlineData("[", 100000, "x")]
    [InlineData("*", 100000, "x")]
    [InlineData("<div>", 50000, "x")]
    [InlineData("<div>", 900, "<img src=x onerror=alert(1)>")]
    [InlineData("<svg>", 900, "<script>alert(1)</script>")]
    [InlineData("<table><tr><td>", 900, "x")]
    [InlineData("<a href=\"#\">", 50000, "x")]
    [InlineData("<svg>", 30000, "<script>alert(1)</script>")]
    [InlineData("- ", 20000, "x")]
    [InlineData("1. ", 20000, "x")]
    [InlineData("`", 100000, "x")]
    [InlineData("![", 50000, "x")]
    [InlineData("|a", 20000, "\n|-|\n")]
    public void Should_Render_Pathological_Nesting_Within_The_Time_Box(string unit, int count, string tail)
    {
        // Given
        var markdown = string.Concat(Enumerable.Repeat(unit, count)) + tail;

        // When
        void Render() => CheckRenderedHtml(markdown);

        // Then
        TimeBoxed(Render);
    }

    [Theory]
    [InlineData("a: ", 5000)]
    [InlineData("- ", 5000)]
    [InlineData("[", 50000)]
    [InlineData("{a: ", 20000)]
    public void Should_Refuse_Pathological_Yaml_Nesting_With_A_Content_Error(string unit, int count)
    {
        // Given
        var text = "---\ntitle: " + string.Concat(Enumerable.Repeat(unit, count)) + "x\n---\n";

        // When
        void Parse() => ParseDocument(Encoding.UTF8.GetBytes(text));

        // Then
        TimeBoxed(Parse);
    }

    private static void ParseDocument(byte[] bytes)
    {
        try
        {
            var text = TextDecoder.Decode(bytes, File).Text.Replace("\r\n", "\n", StringComparison.Ordinal);
            var parts = FrontMatterSplitter.Split(text, File);
            var mapping = YamlDocumentReader.ReadMapping(parts.Yaml, File, parts.YamlLine);
            var location = ContentLocation.Parse(File, "ganquan-road/2021/fuzz.md", ["zh-CN", "en"]);
            var diagnostics = new List<Diagnostic>();
            var item = ContentItemParser.Parse(mapping, location, parts.YamlLine, diagnostics);
            Assert.True(item is not null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), "a rejected document must say why");
            Assert.All(diagnostics, d => Assert.Equal(File, d.Location.File));
            Renderer.Render(parts.Body);
        }
        catch (ContentException ex)
        {
            Assert.Equal(File, ex.Diagnostic.Location.File);
            Assert.False(string.IsNullOrWhiteSpace(ex.Diagnostic.Message));
        }
    }

    private static void CheckRenderedHtml(string markdown)
    {
        string html;
        try
        {
            html = Renderer.Render(markdown).Html;
        }
        catch (ContentException ex)
        {
            Assert.Equal("PUB0905", ex.Diagnostic.Code);
            return;
        }

        var problems = ScriptVectors.InDocument(html, ["player.example.gov.cn"], fragment: true);
        Assert.True(problems.Count == 0, string.Join("; ", problems) + "\nHTML: " + html);

        // Well-formed enough to stay inside its container: the element after it is still the container's sibling.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<!DOCTYPE html><html><body><main id=\"m\">{html}</main><footer id=\"f\"></footer></body></html>");
        Assert.True(document.GetElementById("f")?.ParentElement == document.Body, "the body HTML broke out of its container\nHTML: " + html);
        Assert.True(document.GetElementById("m")?.ParentElement == document.Body, "the body HTML broke out of its container\nHTML: " + html);
    }

    private static void TimeBoxed(Action action)
    {
        // A thread of its own: queued on the thread pool, the case could wait seconds for a thread while other tests
        // block theirs, and that wait counted against the box (a 1 s case failed at 10 s in a CI run).
        var task = Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!task.Wait(TimeBox))
        {
            throw new TimeoutException($"the case did not finish within {TimeBox.TotalSeconds} s");
        }

        task.GetAwaiter().GetResult();
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
