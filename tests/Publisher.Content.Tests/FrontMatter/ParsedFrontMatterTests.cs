using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Publisher.Content.FrontMatter;
using Publisher.Content.Model;
using Publisher.Core.Diagnostics;
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

    [Fact]
    public void Should_GiveBackEveryProperty_When_EachHoldsAValueOtherThanItsDefault()
    {
        // Given: every settable property of the item given a value of its own (a property added to ContentItem, and
        // not to the note, comes back as its default and fails this)
        var parsed = new ParsedFrontMatter(EveryPropertySet(), [new Diagnostic(DiagnosticSeverity.Warning, "PUB0120", new SourceSpan("别的.md", 3, 5), "未知字段 colour", "删除它。")]);

        // When
        var recalled = ParsedFrontMatter.FromNote(parsed.ToNote());

        // Then
        Assert.NotNull(recalled);
        Assert.Equal(JsonSerializer.Serialize(parsed, Everything), JsonSerializer.Serialize(recalled, Everything));
        Assert.All(Settable(), property => Assert.NotEqual(JsonSerializer.Serialize(property.GetValue(Minimal()), Everything), JsonSerializer.Serialize(property.GetValue(recalled.Item), Everything)));
    }

    [Fact]
    public void Should_GiveBackNullsAndEmptyCollections_When_OnlyTheRequiredFieldsAreSet()
    {
        // Given
        var parsed = new ParsedFrontMatter(Minimal(), []);

        // When
        var recalled = ParsedFrontMatter.FromNote(parsed.ToNote());

        // Then
        Assert.Equal(JsonSerializer.Serialize(parsed, Everything), JsonSerializer.Serialize(recalled, Everything));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"Item\":{\"Source\":\"a.md\"}}")]
    [InlineData("4:a.md5:zh-CN")]
    [InlineData("99999:a.md")]
    [InlineData("-1:a.md")]
    public void Should_GiveNothing_When_TheNoteIsDamaged(string note)
    {
        Assert.Null(ParsedFrontMatter.FromNote(note));
    }

    [Fact]
    public void Should_GiveNothing_When_AWholeNoteIsCutShortOrHasMoreAfterIt()
    {
        // Given
        var note = new ParsedFrontMatter(EveryPropertySet(), []).ToNote();

        // When
        var cut = Enumerable.Range(0, note.Length).Select(length => ParsedFrontMatter.FromNote(note.AsSpan(0, length)));

        // Then
        Assert.All(cut, Assert.Null);
        Assert.Null(ParsedFrontMatter.FromNote(note + "0;"));
    }

    private static ContentItem Minimal() => new() { Source = "a.md", Language = "zh-CN", Key = "office/2021/a", Title = "标题" };

    private static IEnumerable<PropertyInfo> Settable() =>
        typeof(ContentItem).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null);

    /// <summary>An item whose every settable property differs from <see cref="Minimal"/>'s, set by reflection.</summary>
    private static ContentItem EveryPropertySet()
    {
        var item = Minimal() with { };
        var source = "甘泉路/2021/报告.md";
        foreach (var property in Settable())
        {
            object value = property.PropertyType switch
            {
                var t when t == typeof(string) => property.Name == nameof(ContentItem.Source) ? source : $"{property.Name} 值\u001f~3:;",
                var t when t == typeof(int?) => property.Name.Length * 7,
                var t when t == typeof(DateOnly?) => new DateOnly(2021, 12, property.Name.Length),
                var t when t == typeof(bool) => true,
                var t when t == typeof(ImmutableArray<Attachment>) => ImmutableArray.Create(new Attachment("报告.pdf", "报告全文", new SourceSpan(source, 12, 5)), new Attachment("b.docx", string.Empty)),
                var t when t == typeof(ImmutableArray<(string, SourceSpan)>) => ImmutableArray.Create(("2021/old/", new SourceSpan(source, 9, 3)), ("2020/older/", new SourceSpan("other.md", 1, 1))),
                var t when t == typeof(ImmutableSortedDictionary<string, SourceSpan>) => new Dictionary<string, SourceSpan> { ["title"] = new(source, 2, 8), ["office"] = new("offices/x.yml", 4, 1) }.ToImmutableSortedDictionary(StringComparer.Ordinal),
                var t => throw new InvalidOperationException($"ContentItem.{property.Name} is a {t}: give it a value here, and write it into the note (ParsedFrontMatter)."),
            };
            property.SetValue(item, value);
        }

        return item;
    }
}
