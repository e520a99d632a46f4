using Publisher.Core.Diagnostics;
using Publisher.Search.Querying;
using Publisher.Testing;

namespace Publisher.Search.Tests.Querying;

public sealed class RankerTests
{
    [Fact]
    public void Should_FindOnlyDocumentsWithThePhrase_When_CharactersAreSplitElsewhere()
    {
        // Given
        using var folder = new TempDirectory();
        var index = TestIndex.Open(
            folder,
            TestIndex.Doc("甲", "坚持依法行政，建设法治政府。"),
            TestIndex.Doc("乙", "依法治理，行政执法，两个词分开出现。"));

        // When
        var results = Ranker.Search(index, new SearchRequest("依法行政"));

        // Then
        Assert.Equal(["甲"], results.Hits.Select(h => h.Title));
    }

    [Fact]
    public void Should_RankTitleMatchFirst_When_AnotherDocumentHasTheWordOnlyInItsBody()
    {
        // Given
        using var folder = new TempDirectory();
        var index = TestIndex.Open(
            folder,
            TestIndex.Doc("工作总结", "本年度开展普法宣传活动。"),
            TestIndex.Doc("普法工作报告", "本年度开展宣传活动。"));

        // When
        var results = Ranker.Search(index, new SearchRequest("普法"));

        // Then
        Assert.Equal(["普法工作报告", "工作总结"], results.Hits.Select(h => h.Title));
    }

    [Fact]
    public void Should_RankWordsSideBySideFirst_When_AnotherDocumentHasThemApart()
    {
        // Given
        using var folder = new TempDirectory();
        var index = TestIndex.Open(
            folder,
            TestIndex.Doc("A", "The law of the city was applied. Every rule was published for residents to read."),
            TestIndex.Doc("B", "Residents can read every published rule of law was applied here."));

        // When
        var results = Ranker.Search(index, new SearchRequest("rule of law"));

        // Then
        Assert.Equal(["B", "A"], results.Hits.Select(h => h.Title));
    }

    [Fact]
    public void Should_FindTheReport_When_QueryIsItsDocumentNumberWithOtherBrackets()
    {
        // Given
        using var folder = new TempDirectory();
        var index = TestIndex.Open(
            folder,
            TestIndex.Doc("石泉路报告", "2020年工作情况，34项任务。", office: "shiquan-road", docNumber: "石办〔2020〕34号"),
            TestIndex.Doc("另一报告", "石办2020年34号文件提到的内容。", office: "shiquan-road", docNumber: "石办〔2020〕35号"));

        // When
        var results = Ranker.Search(index, new SearchRequest("石办[2020]34号"));

        // Then
        Assert.Equal("石泉路报告", results.Hits[0].Title);
    }

    [Fact]
    public void Should_KeepOnlyMatchingDocuments_When_FiltersAreGiven()
    {
        // Given
        using var folder = new TempDirectory();
        var index = TestIndex.Open(
            folder,
            TestIndex.Doc("甘泉2020", "普法宣传", office: "ganquan-road", year: 2020),
            TestIndex.Doc("甘泉2021", "普法宣传", office: "ganquan-road", year: 2021),
            TestIndex.Doc("张庙2021", "普法宣传", office: "zhangmiao", year: 2021, kind: "disclosure"));

        // When
        var byOffice = Ranker.Search(index, new SearchRequest("普法", Office: "ganquan-road"));
        var byYear = Ranker.Search(index, new SearchRequest("普法", Year: 2021));
        var byKind = Ranker.Search(index, new SearchRequest("普法", Kind: "disclosure"));

        // Then
        Assert.Equal(["甘泉2020", "甘泉2021"], byOffice.Hits.Select(h => h.Title).Order());
        Assert.Equal(["张庙2021", "甘泉2021"], byYear.Hits.Select(h => h.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["张庙2021"], byKind.Hits.Select(h => h.Title));
    }

    [Fact]
    public void Should_ShowTenResultsAPage_When_ManyDocumentsMatch()
    {
        // Given
        using var folder = new TempDirectory();
        var index = TestIndex.Open(folder, [.. Enumerable.Range(0, 25).Select(i => TestIndex.Doc($"报告{i}", "普法宣传"))]);

        // When
        var first = Ranker.Search(index, new SearchRequest("普法"));
        var third = Ranker.Search(index, new SearchRequest("普法", Page: 3));

        // Then
        Assert.Equal(25, first.Total);
        Assert.Equal(3, first.PageCount);
        Assert.Equal(10, first.Hits.Length);
        Assert.Equal(5, third.Hits.Length);
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(third.Hits.Select(h => h.Id)));
    }

    [Fact]
    public void Should_MarkMatchesAndEscapeHtml_When_BuildingSnippets()
    {
        // Given
        using var folder = new TempDirectory();
        var index = TestIndex.Open(folder, TestIndex.Doc("<b>普法</b>", "开展<script>普法</script>宣传。"));

        // When
        var hit = Ranker.Search(index, new SearchRequest("普法")).Hits.Single();

        // Then
        Assert.Equal("&lt;b&gt;<mark>普法</mark>&lt;/b&gt;", hit.TitleHtml);
        Assert.Contains("&lt;script&gt;<mark>普法</mark>&lt;/script&gt;", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_FindNothing_When_NoDocumentHasTheWord()
    {
        // Given
        using var folder = new TempDirectory();
        var index = TestIndex.Open(folder, TestIndex.Doc("报告", "普法宣传"));

        // When
        var results = Ranker.Search(index, new SearchRequest("量子纠缠"));

        // Then
        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void Should_SayHowToBuildTheIndex_When_TheFolderHasNone()
    {
        // Given
        using var folder = new TempDirectory();

        // When
        var error = Assert.Throws<ContentException>(() => SearchIndex.Open(folder.Path));

        // Then
        Assert.Equal("PUB0501", error.Diagnostic.Code);
        Assert.Contains("publisher build", error.Diagnostic.Hint, StringComparison.Ordinal);
    }
}
