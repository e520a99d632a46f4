using Publisher.Content.Configuration;
using Publisher.Content.Markdown;
using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Safety.Tests;

/// <summary>
/// The built site runs under <c>Content-Security-Policy: default-src 'self'</c>: no HTML file has an inline
/// script, a style element or attribute, an event handler or a javascript: URL, and <c>_headers</c> sends the
/// policy and the usual security headers to hosts that read it.
/// </summary>
public sealed class SecurityPolicyTests
{
    [Fact]
    public async Task Should_Need_No_Inline_Script_Or_Style_On_Any_Page()
    {
        // Given: the sample, generated reports, and the metadata payload case.
        using var temp = new TempDirectory();
        GeneratedSite.Create(temp, 30);
        SampleSite.CopyFolder(Path.Combine(BadInputCase.Load("metadata-payloads").Folder, "site"), temp.Path);

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(temp.Combine("site.config.json")));

        // Then
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var pages = Directory.EnumerateFiles(temp.Combine("_site"), "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 60, $"only {pages.Count} pages");
        var problems = pages
            .SelectMany(page => ScriptVectors.InDocument(File.ReadAllText(page)).Select(p => $"{Path.GetRelativePath(temp.Path, page)}: {p}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    [Fact]
    public void Should_Render_Aligned_And_Grid_Tables_Without_Style_Attributes()
    {
        // Given: a pipe table with aligned columns and a grid table (Markdig writes widths and alignment as style=).
        var renderer = new MarkdownRenderer(new SiteOptions());
        const string Markdown = "| 项目 | 数量 | 说明 |\n|:-----|-----:|:----:|\n| 规章 | 12 | 无 |\n\n+-----+-----+\n| a   | b   |\n+=====+=====+\n| 1   | 2   |\n+-----+-----+\n";

        // When
        var html = renderer.Render(Markdown).Html;

        // Then
        Assert.Empty(ScriptVectors.InDocument(html, fragment: true));
        Assert.Contains("<td class=\"align-right\">12</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"align-center\">说明</th>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<table>").Length - 1);
    }

    [Fact]
    public async Task Should_Send_A_Strict_Policy_And_The_Usual_Security_Headers()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);

        // When
        await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        var headers = File.ReadAllLines(temp.Combine("_site/_headers"));
        Assert.Equal("/*", headers[0]);
        // The first block (until the next path line) holds the headers for every page.
        var values = headers.Skip(1).TakeWhile(h => h.StartsWith(' ')).Select(h => h.Trim().Split(':', 2)).ToDictionary(h => h[0], h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var csp = values["Content-Security-Policy"].Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain(csp, d => d.Contains("'unsafe-inline'", StringComparison.Ordinal) || d.Contains("'unsafe-eval'", StringComparison.Ordinal));
        Assert.Equal("nosniff", values["X-Content-Type-Options"]);
        Assert.Equal("DENY", values["X-Frame-Options"]);
        Assert.False(string.IsNullOrEmpty(values["Referrer-Policy"]));
        Assert.False(string.IsNullOrEmpty(values["Permissions-Policy"]));
    }
}
