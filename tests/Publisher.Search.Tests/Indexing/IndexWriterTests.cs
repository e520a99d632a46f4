using Publisher.Search.Indexing;
using Publisher.Search.Querying;
using Publisher.Testing;

namespace Publisher.Search.Tests.Indexing;

public sealed class IndexWriterTests
{
    private static SearchDocument[] Corpus(int count) =>
        [.. Enumerable.Range(0, count).Select(i => TestIndex.Doc($"第{i}号报告", $"街道{i % 7}推进依法行政和普法宣传，编号{i}。", year: 2019 + (i % 3)))];

    [Fact]
    public void Should_WriteTheSameBytes_When_TheSameDocumentsAreIndexedTwice()
    {
        // Given
        var documents = Corpus(200);

        // When
        var first = IndexWriter.Write(documents);
        var second = IndexWriter.Write(documents);

        // Then
        Assert.Equal(first, second);
    }

    [Fact]
    public void Should_SplitTermsIntoShards_When_TheIndexIsLarge()
    {
        // Given
        var documents = Corpus(3000);

        // When
        var files = IndexWriter.Write(documents);

        // Then
        var shards = files.Where(f => f.Path.StartsWith(IndexLayout.ShardFolder, StringComparison.Ordinal)).ToList();
        Assert.True(shards.Count >= 4, $"{shards.Count} shard(s)");
        Assert.All(shards, s => Assert.True(s.Content.Length < 4 * IndexLayout.TargetShardChars, $"{s.Path} has {s.Content.Length} characters"));
    }

    [Fact]
    public void Should_ReadOnlyTheQueryTermsShardsAndShownDocuments_When_Searching()
    {
        // Given
        using var folder = new TempDirectory();
        var index = TestIndex.Open(folder, Corpus(3000));
        var shardCount = Directory.GetFiles(folder.Combine("t")).Length;

        // When
        var results = Ranker.Search(index, new SearchRequest("普法"));

        // Then
        Assert.Equal(3000, results.Total);
        var shardsRead = index.FilesRead.Keys.Count(k => k.StartsWith(IndexLayout.ShardFolder, StringComparison.Ordinal));
        var documentsRead = index.FilesRead.Keys.Count(k => k.StartsWith(IndexLayout.DocumentFolder, StringComparison.Ordinal));
        Assert.Equal(1, shardsRead);
        Assert.True(shardCount > 4);
        Assert.Equal(IndexLayout.PageSize, documentsRead);
    }
}
