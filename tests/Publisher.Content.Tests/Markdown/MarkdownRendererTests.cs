using AngleSharp.Html.Parser;
using Publisher.Content.Configuration;
using Publisher.Content.Markdown;

namespace Publisher.Content.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new(new SiteOptions { IframeHosts = ["player.example.gov.cn"] });

    [Fact]
    public void Should_Give_Chinese_Headings_Ids_That_Keep_The_Characters()
    {
        // When
        var result = _renderer.Render("## 一、基本情况\n\n正文\n\n### （一）强化组织领导\n");

        // Then
        Assert.Equal(["一基本情况", "一强化组织领导"], result.Headings.Select(h => h.Id));
        Assert.Contains("id=\"一基本情况\"", result.Html);
    }

    [Fact]
    public void Should_Not_Replace_Quotes_In_Chinese_Text()
    {
        // When
        var result = _renderer.Render("开展\"八五\"普法，落实'谁执法谁普法'责任。");

        // Then
        Assert.Contains("\"八五\"", System.Net.WebUtility.HtmlDecode(result.Html));
        Assert.DoesNotContain("“", result.Html);
    }

    [Fact]
    public void Should_Wrap_Tables_In_A_Labelled_Focusable_Scroll_Region()
    {
        // When
        var result = _renderer.Render("## 案件统计\n\n| 年份 | 件数 |\n|---|---|\n| 2021 | 3 |\n");

        // Then
        var region = new HtmlParser().ParseDocument(result.Html).QuerySelector("div.table-scroll")!;
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("案件统计", region.GetAttribute("aria-label"));
        Assert.NotNull(region.QuerySelector("table"));
    }

    [Fact]
    public void Should_Render_Footnotes()
    {
        // When
        var result = _renderer.Render("见《条例》[^1]。\n\n[^1]: 国务院令第711号\n");

        // Then
        Assert.Contains("国务院令第711号", result.Html);
        Assert.Contains("class=\"footnotes\"", result.Html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[点击](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example.com/\"></iframe>")]
    [InlineData("<svg><script>alert(1)</script></svg>")]
    public void Should_Remove_Everything_That_Could_Run_Script(string markdown)
    {
        // When
        var html = _renderer.Render("正文\n\n" + markdown + "\n").Html;

        // Then
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, iframe"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_Keep_An_Iframe_From_An_Allowed_Host()
    {
        // When
        var html = _renderer.Render("<iframe src=\"https://player.example.gov.cn/v/1\" title=\"视频\"></iframe>\n").Html;

        // Then
        Assert.Contains("https://player.example.gov.cn/v/1", html);
    }

    [Fact]
    public void Should_Give_Plain_Text_Without_Markup()
    {
        // When
        var result = _renderer.Render("## 标题\n\n**依法行政**，[链接](https://example.gov.cn/)。\n");

        // Then
        Assert.Contains("依法行政", result.PlainText);
        Assert.DoesNotContain("<", result.PlainText);
        Assert.DoesNotContain("**", result.PlainText);
    }
    [Fact]
    public void Should_Report_Only_Each_Bodys_Own_Removals_When_Bodies_Are_Sanitized_At_Once()
    {
        // Given bodies with different raw HTML, rendered many times over on several threads
        string Body(int i) => i % 2 == 0 ? $"段落{i}<script>alert({i})</script>\n" : $"<p onclick=\"x{i}()\">段落{i}</p>\n";

        // When
        var results = Enumerable.Range(0, 400).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => (Index: i, Result: _renderer.Render(Body(i))))
            .ToList();

        // Then each body reports what was taken out of it, and nothing from another body
        Assert.All(results, r => Assert.Equal<string>(
            r.Index % 2 == 0 ? ["<script>"] : [$"onclick=\"x{r.Index}()\" on <p>"],
            r.Result.Removed));
        Assert.All(results, r => Assert.Contains($"段落{r.Index}", r.Result.Html));
    }
}
