using System.Net;
using System.Text;
using Publisher.Content.Diagnostics;
using Publisher.Core.Diagnostics;

namespace Publisher.Preview;

/// <summary>The page the preview shows instead of the site while the last build has errors.</summary>
internal static class ErrorPage
{
    public static string Render(IReadOnlyList<Diagnostic> diagnostics, string language)
    {
        var chinese = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(chinese ? "zh-CN" : "en").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(chinese ? "构建失败" : "Build failed").Append(" – Publisher</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/__publisher/preview.css\">\n")
            .Append("<script src=\"/__publisher/reload.js\" defer></script>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(chinese ? $"构建失败：{errors} 个错误" : $"Build failed: {errors} error(s)").Append("</h1>\n")
            .Append("<p>").Append(chinese
                ? "改正下面的问题并保存文件，页面会自动刷新。"
                : "Fix the problems below and save the file; this page reloads by itself.").Append("</p>\n<ol>\n");
        foreach (var diagnostic in diagnostics.Select(d => DiagnosticCatalog.Default.Localize(d, language)))
        {
            var severity = diagnostic.Severity == DiagnosticSeverity.Error ? (chinese ? "错误" : "error") : (chinese ? "警告" : "warning");
            html.Append("<li class=\"").Append(diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning").Append("\">")
                .Append("<p><span class=\"where\">").Append(Encode(diagnostic.Location.ToString())).Append("</span> ")
                .Append(severity).Append(' ').Append(Encode(diagnostic.Code)).Append("</p>\n<p>").Append(Encode(diagnostic.Message)).Append("</p>\n");
            if (diagnostic.Hint.Length > 0)
            {
                html.Append("<p class=\"hint\">").Append(Encode(diagnostic.Hint)).Append("</p>\n");
            }

            html.Append("</li>\n");
        }

        return html.Append("</ol>\n</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>One terminal line: <c>file:line:column: 错误 CODE: message hint</c>.</summary>
    public static string Line(Diagnostic diagnostic, string language)
    {
        var localized = DiagnosticCatalog.Default.Localize(diagnostic, language);
        var chinese = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var severity = localized.Severity == DiagnosticSeverity.Error ? (chinese ? "错误" : "error") : (chinese ? "警告" : "warning");
        var hint = localized.Hint.Length == 0 ? string.Empty : " " + localized.Hint;
        return $"{localized.Location}: {severity} {localized.Code}: {localized.Message}{hint}";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
