using System.Text.Json;
using Publisher.Content.FrontMatter;
using Publisher.Testing;

namespace Publisher.Content.Tests.FrontMatter;

public sealed class ParsedFrontMatterTests
{
    private static readonly JsonSerializerOptions Everything = new() { IncludeFields = true, WriteIndented = true };

    public static TheoryData<string> SampleSources()
    {
        var content = Path.Combine(RepositoryRoot.Path, "content");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories).Where(f => !f.Contains("/offices/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(content, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleSources))]
    public void Should_GiveBackTheSameItem_When_ASampleSourcesNoteIsRead(string relative)
    {
        // Given: a sample source parsed as a build parses it
        var (item, diagnostics) = ContentFile.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "content", relative)), relative);
        Assert.NotNull(item);
        var parsed = new ParsedFrontMatter(item, [.. diagnostics]);

        // When
        var recalled = ParsedFrontMatter.FromNote(parsed.ToNote());

        // Then: every property (field locations included, found by name as the parser's table finds them)
        Assert.NotNull(recalled);
        Assert.Equal(JsonSerializer.Serialize(parsed, Everything), JsonSerializer.Serialize(recalled, Everything));
        Assert.All(item.FieldLocations, pair => Assert.Equal(pair.Value, recalled.Item.LocationOf(pair.Key)));
    }

    [Fact]
    public void Should_KeepWarningsAndEveryField_When_AnItemUsesThemAll()
    {
        // Given: a report with a warning (unknown field), attachments, aliases and optional fields
        const string Text = """
            ---
            title: 2021年度甘泉路街道法治政府建设情况报告
            title_en: 2021 Report
            kind: annual-report
            office: ganquan-road
            year: 2021
            issued: 2021-12-30
            published: 2022-01-05
            doc_number: 甘办〔2021〕12号
            signer: 张三
            copies: 20
            summary: 摘要
            aliases: [2021/old-report/]
            attachments:
              - file: report.pdf
                title: 报告全文
            colour: red
            ---
            正文
            """;
        var (item, diagnostics) = ContentFile.Parse(Text.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.NotNull(item);
        Assert.Contains(diagnostics, d => d.Code == "PUB0120");
        var parsed = new ParsedFrontMatter(item, [.. diagnostics]);

        // When
        var recalled = ParsedFrontMatter.FromNote(parsed.ToNote());

        // Then
        Assert.Equal(JsonSerializer.Serialize(parsed, Everything), JsonSerializer.Serialize(recalled, Everything));
        Assert.Equal(new DateOnly(2022, 1, 5), recalled!.Item.Published);
        Assert.Single(recalled.Item.Attachments);
        Assert.Single(recalled.Item.Aliases);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"Item\":{\"Source\":\"a.md\"}}")]
    public void Should_GiveNothing_When_TheNoteIsDamaged(string note)
    {
        Assert.Null(ParsedFrontMatter.FromNote(note));
    }
}
