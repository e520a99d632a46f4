namespace Publisher.Import.Tests;

/// <summary>
/// Imports each seed and compares with Golden/&lt;seed&gt;.md. On a mismatch the actual output is written beside it
/// as .received.md; set PUBLISHER_ACCEPT_GOLDEN=1 to accept it (review the diff first).
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string> Seeds() => new(Directory.EnumerateFiles(TestPaths.Seeds, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Should_MatchTheReviewedMarkdown_When_ImportingASeed(string seed)
    {
        // Given
        var importer = ImportHelper.CreateImporter();
        var text = File.ReadAllText(Path.Combine(TestPaths.Seeds, seed + ".txt"));
        var golden = Path.Combine(TestPaths.Golden, seed + ".md");

        // When
        var result = importer.Import(text, seed + ".txt");

        // Then
        if (Environment.GetEnvironmentVariable("PUBLISHER_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(golden, result.Markdown);
        }

        var expected = File.Exists(golden) ? File.ReadAllText(golden) : string.Empty;
        if (expected != result.Markdown)
        {
            File.WriteAllText(Path.ChangeExtension(golden, ".received.md"), result.Markdown);
        }

        Assert.Equal(expected, result.Markdown);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Should_ChangeNothing_When_ImportingItsOwnOutput(string seed)
    {
        // Given
        var importer = ImportHelper.CreateImporter();
        var first = importer.Import(File.ReadAllText(Path.Combine(TestPaths.Seeds, seed + ".txt")), seed + ".txt");

        // When
        var second = importer.Import(first.Markdown, seed + ".md");

        // Then
        Assert.Equal(first.Markdown, second.Markdown);
    }

    [Theory]
    [InlineData("000_d32ce71d35be0848")]
    [InlineData("001_ff59b8e40796513c")]
    [InlineData("002_e2b5c127b6b4da42")]
    [InlineData("004_737f34b37d8d4d7c")]
    public void Should_PassTheSiteFrontMatterParser_When_TheSeedHasAllRequiredFields(string seed)
    {
        // Given
        var importer = ImportHelper.CreateImporter();

        // When
        var result = importer.Import(File.ReadAllText(Path.Combine(TestPaths.Seeds, seed + ".txt")), seed + ".txt");
        var (item, diagnostics) = ImportHelper.ParseWithSiteParser(result);

        // Then
        Assert.Empty(diagnostics);
        Assert.NotNull(item);
    }
}
