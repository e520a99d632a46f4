using Publisher.Core.Diagnostics;

namespace Publisher.Content.Tests.FrontMatter;

public sealed class ContentItemParserTests
{
    private const string Valid = """
        ---
        title: 2021年度甘泉路街道法治政府建设情况报告
        title_en: 2021 Report on Building a Law-Based Government
        kind: annual-report
        office: ganquan-road
        year: 2021
        issued: 2021-12-03
        doc_number: 石办〔2020〕34号
        ---
        正文
        """;

    [Fact]
    public void Should_Read_Every_Field_Of_A_Report()
    {
        // When
        var (item, diagnostics) = ContentFile.Parse(Valid);

        // Then
        Assert.Empty(diagnostics);
        Assert.NotNull(item);
        Assert.Equal("2021年度甘泉路街道法治政府建设情况报告", item.Title);
        Assert.Equal("ganquan-road", item.Office);
        Assert.Equal(2021, item.Year);
        Assert.Equal(new DateOnly(2021, 12, 3), item.Issued);
        Assert.Equal(item.Issued, item.PublishedOrIssued);
        Assert.Equal("石办〔2020〕34号", item.DocNumber);
    }

    [Fact]
    public void Should_Report_Every_Missing_Required_Field_With_Its_Own_Message()
    {
        // When
        var (_, diagnostics) = ContentFile.Parse("---\ntitle: 报告\n---\n正文\n");

        // Then
        var messages = string.Join("\n", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Contains("kind", messages);
        Assert.Contains("office", messages);
        Assert.Contains("year", messages);
        Assert.Contains("issued", messages);
        Assert.All(diagnostics, d => Assert.Equal("content/ganquan-road/2021/report.md", d.Location.File));
    }

    [Theory]
    [InlineData("issued: 2021-02-30", "issued")]
    [InlineData("issued: 3 December 2021", "issued")]
    [InlineData("year: twenty", "year")]
    [InlineData("kind: annual-reprot", "kind")]
    public void Should_Point_At_The_Line_And_Column_Of_A_Bad_Value(string replacement, string field)
    {
        // Given
        var lines = Valid.Split('\n').ToList();
        var index = lines.FindIndex(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        lines[index] = replacement;

        // When
        var (_, diagnostics) = ContentFile.Parse(string.Join('\n', lines));

        // Then
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(index + 1, error.Location.Line);
        Assert.Equal(field.Length + 3, error.Location.Column);
        Assert.False(string.IsNullOrWhiteSpace(error.Hint));
    }

    [Fact]
    public void Should_Suggest_The_Kind_Meant_When_Misspelt()
    {
        // When
        var (_, diagnostics) = ContentFile.Parse(Valid.Replace("kind: annual-report", "kind: anual-report"));

        // Then
        Assert.Contains("annual-report", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Should_Refuse_A_Year_That_Disagrees_With_Its_Folder()
    {
        // When
        var (_, diagnostics) = ContentFile.Parse(Valid, "ganquan-road/2020/report.md");

        // Then
        Assert.Equal("PUB0133", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Should_Report_Broken_Yaml_With_Its_Line()
    {
        // When
        var (item, diagnostics) = ContentFile.Parse(Valid.Replace("year: 2021", "year: [2021"));

        // Then
        Assert.Null(item);
        Assert.Equal(6, Assert.Single(diagnostics).Location.Line);
    }

    [Fact]
    public void Should_Refuse_A_Duplicate_Key()
    {
        // When
        var (item, diagnostics) = ContentFile.Parse(Valid.Replace("year: 2021", "year: 2021\nyear: 2022"));

        // Then
        Assert.Null(item);
        Assert.Contains("twice", Assert.Single(diagnostics).Message);
    }

    [Theory]
    [InlineData("[", 50_000)]
    [InlineData("- ", 200)]
    public void Should_Refuse_Front_Matter_Nested_Absurdly_Deep_With_Its_Line_Instead_Of_Crashing(string opener, int times)
    {
        // Given a field nested far deeper than front matter ever is (a stack overflow would kill the build)
        var deep = opener == "[" ? string.Concat(Enumerable.Repeat("[", times)) : string.Join("\n", Enumerable.Range(0, times).Select(i => new string(' ', i * 2) + "-"));

        // When
        var (item, diagnostics) = ContentFile.Parse(Valid.Replace("year: 2021", "year: 2021\ntags: " + (opener == "[" ? deep : "\n" + deep)));

        // Then
        Assert.Null(item);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PUB0115", diagnostic.Code);
        Assert.True(diagnostic.Location.Line >= 7, $"line {diagnostic.Location.Line}");
    }
}
