using System.Globalization;
using Publisher.Content.Configuration;
using Publisher.Content.Diagnostics;
using Publisher.Core.Diagnostics;

namespace Publisher.Cli.Output;

/// <summary>Formats diagnostics for editors: in their language, as plain text or as GitHub Actions annotations.</summary>
internal static class EditorMessages
{
    /// <summary>The editor's language: <paramref name="requested"/>, else <c>editorLanguage</c> of the settings, else zh-CN.</summary>
    public static string Language(string? requested, string configPath)
    {
        if (requested is not null)
        {
            return requested;
        }

        try
        {
            return SiteOptionsLoader.Load(configPath).EditorLanguage;
        }
        catch (ContentException)
        {
            return DiagnosticCatalog.Chinese;
        }
    }

    /// <summary>One line: <c>file:line:column: 错误 CODE: message hint</c>.</summary>
    public static string Text(Diagnostic diagnostic, string language)
    {
        var localized = DiagnosticCatalog.Default.Localize(diagnostic, language);
        var chinese = IsChinese(language);
        var severity = localized.Severity == DiagnosticSeverity.Error ? (chinese ? "错误" : "error") : (chinese ? "警告" : "warning");
        var hint = string.IsNullOrEmpty(localized.Hint) ? string.Empty : (chinese ? " " : " ") + localized.Hint;
        return $"{localized.Location}: {severity} {localized.Code}: {localized.Message}{hint}";
    }

    /// <summary>A GitHub Actions workflow command: <c>::error file=…,line=…,col=…,title=CODE::message</c>.</summary>
    public static string GitHub(Diagnostic diagnostic, string language)
    {
        var localized = DiagnosticCatalog.Default.Localize(diagnostic, language);
        var kind = localized.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var properties = new List<string> { "file=" + EscapeProperty(localized.Location.File) };
        if (localized.Location.Line > 0)
        {
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={localized.Location.Line}"));
        }

        if (localized.Location.Column > 0)
        {
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"col={localized.Location.Column}"));
        }

        properties.Add("title=" + EscapeProperty(localized.Code));
        var message = string.IsNullOrEmpty(localized.Hint) ? localized.Message : localized.Message + " " + localized.Hint;
        return $"::{kind} {string.Join(',', properties)}::{EscapeData(message)}";
    }

    /// <summary>The closing line of a check: how many errors and warnings.</summary>
    public static string Summary(int errors, int warnings, long files, string language) => IsChinese(language)
        ? (errors == 0 ? $"检查通过：{files} 个文件，{warnings} 个警告。" : $"检查未通过：{errors} 个错误，{warnings} 个警告（共 {files} 个文件）。")
        : (errors == 0 ? $"Check passed: {files} files, {warnings} warning(s)." : $"Check failed: {errors} error(s), {warnings} warning(s) in {files} files.");

    public static bool IsChinese(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    // https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts: escapeData and escapeProperty.
    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
