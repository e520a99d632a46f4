using Publisher.Core.Diagnostics;
using Publisher.Search.Indexing;
using Publisher.Search.Querying;
using Publisher.Testing;

namespace Publisher.Search.Tests.Querying;

public sealed class SearchIndexTests
{
    /// <summary>Documents each found by its own word (<c>doc7x</c>), with fields that differ from document to document.</summary>
    private static SearchDocument[] Corpus(int count) =>
        [.. Enumerable.Range(0, count).Select(i => TestIndex.Doc($"doc{i}x 第{i}号报告", $"第{i}份正文，开展普法宣传。", office: i % 2 == 0 ? "ganquan-road" : "yuepu", year: 2015 + i, docNumber: $"石办〔2020〕{i}号"))];

    private static SearchIndex Write(TempDirectory folder, SearchDocument[] documents, int recordsPerFile)
    {
        foreach (var file in IndexWriter.Write(documents, parts: 2, recordsPerFile))
        {
            folder.Write(file.Path, file.Content);
        }

        return SearchIndex.Open(folder.Path);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(IndexLayout.RecordsPerFile)]
    [InlineData(7)]
    public void Should_ShowEachDocumentsOwnRecord_When_ItIsFirstOrLastOfItsGroupOrInTheLastPartialGroup(int recordsPerFile)
    {
        // Given
        using var folder = new TempDirectory();
        var documents = Corpus((2 * recordsPerFile) + Math.Max(1, recordsPerFile / 2));
        var index = Write(folder, documents, recordsPerFile);
        int[] boundaries = [0, recordsPerFile - 1, recordsPerFile, (2 * recordsPerFile) - 1, 2 * recordsPerFile, documents.Length - 1];

        // When
        var hits = boundaries.Distinct().Select(id => (Id: id, Hits: Ranker.Search(SearchIndex.Open(folder.Path), new SearchRequest($"doc{id}x")).Hits)).ToList();

        // Then
        Assert.Equal(recordsPerFile, index.RecordsPerFile);
        Assert.Equal((documents.Length + recordsPerFile - 1) / recordsPerFile, Directory.GetFiles(folder.Combine("d")).Length);
        Assert.All(hits, h =>
        {
            var hit = Assert.Single(h.Hits);
            var doc = documents[h.Id];
            Assert.Equal((h.Id, doc.Url, doc.Title, doc.OfficeName, doc.Year, doc.KindName, doc.DocNumber), (hit.Id, hit.Url, hit.Title, hit.Office, hit.Year, hit.Kind, hit.DocNumber));
            Assert.StartsWith($"第{h.Id}份正文", hit.SnippetHtml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Should_ReadEachRecordFileOnce_When_SeveralResultsShareIt()
    {
        // Given
        using var folder = new TempDirectory();
        var documents = Corpus(3 * IndexLayout.RecordsPerFile);
        var index = Write(folder, documents, IndexLayout.RecordsPerFile);

        // When
        var results = Ranker.Search(index, new SearchRequest("普法"));

        // Then
        Assert.Equal(IndexLayout.PageSize, results.Hits.Length);
        var recordFiles = index.FilesRead.Keys.Where(k => k.StartsWith(IndexLayout.DocumentFolder, StringComparison.Ordinal)).ToList();
        Assert.Equal(results.Hits.Select(h => h.Id / IndexLayout.RecordsPerFile).Distinct().Count(), recordFiles.Count);
        Assert.True(recordFiles.Count < results.Hits.Length, $"{recordFiles.Count} record files read for {results.Hits.Length} results");
    }

    [Fact]
    public void Should_SayTheIndexIsDamaged_When_AGroupFileLacksARecord()
    {
        // Given
        using var folder = new TempDirectory();
        var documents = Corpus(2 * IndexLayout.RecordsPerFile);
        Write(folder, documents, IndexLayout.RecordsPerFile);
        var last = IndexLayout.RecordFile(documents.Length - 1, IndexLayout.RecordsPerFile);
        folder.Write(last, "[]\n");

        // When
        var error = Assert.Throws<ContentException>(() => Ranker.Search(SearchIndex.Open(folder.Path), new SearchRequest($"doc{documents.Length - 1}x")));

        // Then
        Assert.Equal("PUB0502", error.Diagnostic.Code);
        Assert.Contains(last, error.Diagnostic.Location.File, StringComparison.Ordinal);
        Assert.Contains("Rebuild", error.Diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_AskForARebuild_When_TheIndexHasOneRecordAFile()
    {
        // Given
        using var folder = new TempDirectory();
        folder.Write(IndexLayout.MetaFile, "{\"v\":1,\"n\":1,\"bits\":0}\n");
        folder.Write(IndexLayout.DocumentFolder + "0.json", "{\"u\":\"/a/\",\"t\":\"普法\",\"x\":\"普法\"}\n");

        // When
        var error = Assert.Throws<ContentException>(() => SearchIndex.Open(folder.Path));

        // Then
        Assert.Equal("PUB0502", error.Diagnostic.Code);
        Assert.Contains("version 1", error.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("Rebuild", error.Diagnostic.Hint, StringComparison.Ordinal);
    }
}
