using System.Text.RegularExpressions;
using Publisher.Content.Diagnostics;
using Publisher.Core.Diagnostics;
using Publisher.Testing;

namespace Publisher.Cli.Tests;

public sealed class DiagnosticCatalogTests
{
    [Fact]
    public void Should_HaveChineseTextForEveryContentCheck_When_TheSourcesAreScanned()
    {
        // Given
        var codes = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("Diagnostics" + Path.DirectorySeparatorChar + "DiagnosticTexts.cs", StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"(PUB01\\d\\d)\"").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        // When
        var missing = codes.Where(c => !DiagnosticCatalog.Default.Codes.Contains(c)).Order(StringComparer.Ordinal).ToList();

        // Then
        Assert.NotEmpty(codes);
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_KeepTheEnglishText_When_TheLanguageIsEnglishOrTheTextIsUnknown()
    {
        // Given
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, "PUB0130", new SourceSpan("a.md", 2, 1), "the required field 'year' is missing or empty.", "Add a line 'year: …' to the front matter.");
        var unknown = diagnostic with { Message = "some new wording" };

        // When
        var english = DiagnosticCatalog.Default.Localize(diagnostic, "en");
        var chinese = DiagnosticCatalog.Default.Localize(diagnostic, "zh-CN");
        var fallback = DiagnosticCatalog.Default.Localize(unknown, "zh-CN");

        // Then
        Assert.Equal(diagnostic, english);
        Assert.Equal("缺少必填字段“year”，或它是空的。", chinese.Message);
        Assert.Equal("请在前置元数据里加一行“year: …”。", chinese.Hint);
        Assert.Equal("some new wording", fallback.Message);
    }
}
