namespace Publisher.Import.Tests;

public sealed class DocumentImporterTests
{
    private const string Seed = "000_d32ce71d35be0848";

    [Fact]
    public void Should_KeepTheEditorsFieldsAndRefreshTheBody_When_Updating()
    {
        // Given
        var importer = ImportHelper.CreateImporter();
        var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, Seed + ".txt"));
        var fresh = importer.Import(text, Seed + ".txt").Markdown;
        var edited = fresh
            .Replace("---\ntitle:", "---\n# Checked against the PDF.\ntitle:", StringComparison.Ordinal)
            .Replace("kind: annual-report\n", "title_en: \"2021 Report, Ganquan Road\"\nkind: annual-report\n", StringComparison.Ordinal)
            .Replace("print_date: 2021-12-03\n", "print_date: 2021-12-03\nsummary_en: \"An English summary.\"\nattachments:\n  - { file: report.pdf, title: 原文 }\n", StringComparison.Ordinal)
            .Replace("## 一、基本情况", "## 一、旧的标题", StringComparison.Ordinal);

        // When
        var updated = importer.Update(text, Seed + ".txt", edited, "rule-of-law-report.md").Markdown;

        // Then
        Assert.Contains("# Checked against the PDF.\n", updated, StringComparison.Ordinal);
        Assert.Contains("title_en: \"2021 Report, Ganquan Road\"\n", updated, StringComparison.Ordinal);
        Assert.Contains("summary_en: \"An English summary.\"\n", updated, StringComparison.Ordinal);
        Assert.Contains("  - { file: report.pdf, title: 原文 }\n", updated, StringComparison.Ordinal);
        Assert.Contains("## 一、基本情况", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("旧的标题", updated, StringComparison.Ordinal);
        Assert.Equal(Body(fresh), Body(updated));
    }

    [Fact]
    public void Should_RewriteAnImporterField_When_TheSourceSaysOtherwise()
    {
        // Given
        var importer = ImportHelper.CreateImporter();
        var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, Seed + ".txt"));
        var stale = importer.Import(text, Seed + ".txt").Markdown.Replace("issued: 2021-12-03", "issued: 2021-01-01", StringComparison.Ordinal);

        // When
        var updated = importer.Update(text, Seed + ".txt", stale, "rule-of-law-report.md").Markdown;

        // Then
        Assert.Contains("issued: 2021-12-03\n", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("2021-01-01", updated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000_d32ce71d35be0848", "ganquan-road/2021/rule-of-law-report.md")]
    [InlineData("003_48d6b54bff46f1dd", "zhangmiao/2020/rule-of-law-report.md")]
    public void Should_ChangeNothing_When_UpdatingTheSampleFileTwice(string seed, string file)
    {
        // Given
        var importer = ImportHelper.CreateImporter();
        var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, seed + ".txt"));
        var sample = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "content", file));
        var once = importer.Update(text, seed + ".txt", sample, file).Markdown;

        // When
        var twice = importer.Update(text, seed + ".txt", once, file).Markdown;

        // Then
        Assert.Equal(once, twice);
        Assert.Contains("title_en:", twice, StringComparison.Ordinal);
        Assert.Contains("summary_en:", twice, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_KeepTheEditorialTitleAndDate_When_TheSourceHasNone()
    {
        // Given
        const string seed = "003_48d6b54bff46f1dd";
        var importer = ImportHelper.CreateImporter();
        var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, seed + ".txt"));
        const string existing = "---\n# Editorial title and date.\ntitle: 张庙街道2020年法治政府建设情况报告\ntitle_en: \"Zhangmiao 2020\"\nkind: annual-report\ntopic: rule-of-law\noffice: zhangmiao\nyear: 2020\nissued: 2020-12-31\n---\n\nold body\n";

        // When
        var result = importer.Update(text, seed + ".txt", existing, "zhangmiao/2020/rule-of-law-report.md");

        // Then
        Assert.StartsWith(existing[..existing.IndexOf("---\n\n", StringComparison.Ordinal)], result.Markdown, StringComparison.Ordinal);
        Assert.Equal("rule-of-law-report", result.Slug);
        Assert.DoesNotContain("old body", result.Markdown, StringComparison.Ordinal);
    }

    private static string Body(string markdown) => markdown[(markdown.IndexOf("\n---\n", StringComparison.Ordinal) + 5)..];
}
