using CsCheck;
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
    public void Should_WriteTheSameBytes_When_AStoreKeptThePreviousIndexsAnalyses()
    {
        // Given: an index kept in a store (3 parts), then one body edited, one document added and one deleted
        using var folder = new TempDirectory();
        var documents = Keyed(Corpus(3000));
        WriteFiles(documents, Store(folder), parts: 3);
        var edited = documents.Select((d, i) => i == 17 ? d with { Body = d.Body + "新增一段关于行政复议的说明。", AnalysisKey = "edited" } : d)
            .Where((_, i) => i != 40).Append(TestIndex.Doc("新增的报告", "全新的正文，说明公共法律服务。") with { AnalysisKey = "added" }).ToArray();

        // When: the next index (2 parts) from the store, and the same documents without one
        var store = Store(folder);
        var withStore = WriteFiles(edited, store, parts: 2);
        var scanned = WriteFiles(edited, store: null, parts: 2);

        // Then
        Assert.Equal(3000, store.RecalledCount);
        Assert.Equal(scanned, withStore);
        Assert.Equal(edited.Length, Store(folder).RecalledCount);
        Assert.Equal(2, Directory.GetFiles(folder.Path, "*.bin").Length);
    }

    [Fact]
    public void Should_UseTheKeptAnalysis_When_ADocumentHasItsKey()
    {
        // Given: a store that kept every document, and a document given another one's key (what a build must never do)
        using var folder = new TempDirectory();
        var documents = Keyed(Corpus(50));
        WriteFiles(documents, Store(folder));
        var swapped = documents.Select((d, i) => i == 0 ? d with { AnalysisKey = documents[1].AnalysisKey } : d).ToArray();

        // When
        var withStore = WriteFiles(swapped, Store(folder));

        // Then: the kept analysis is used, not the body
        Assert.NotEqual(WriteFiles(swapped, store: null), withStore);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("fingerprint")]
    [InlineData("clean")]
    public void Should_StartEmpty_When_TheStoreIsDamagedOrNotThisBuilds(string change)
    {
        // Given
        using var folder = new TempDirectory();
        var documents = Keyed(Corpus(200));
        WriteFiles(documents, Store(folder));
        var part = Directory.GetFiles(folder.Path, "*.bin").Single();
        var bytes = File.ReadAllBytes(part);
        if (change == "flip")
        {
            bytes[bytes.Length / 2] ^= 0x10;
        }

        File.WriteAllBytes(part, change == "truncate" ? bytes[..^9] : bytes);

        // When
        var store = BodyTermStore.Open(folder.Path, "terms", change == "fingerprint" ? "other" : "fingerprint", readPrevious: change != "clean");

        // Then: nothing recalled, and the index is the same as without a store
        Assert.Equal(0, store.RecalledCount);
        Assert.Equal(WriteFiles(documents, store: null), WriteFiles(documents, store));
    }

    [Fact]
    public void Should_KeepAnotherStoresParts_When_ItsNameStartsWithThisOnes()
    {
        // Given: the stores of "en" and "en-GB" side by side in one folder
        using var folder = new TempDirectory();
        var documents = Keyed(Corpus(20));
        WriteFiles(documents, BodyTermStore.Open(folder.Path, "terms-en-GB", "fingerprint", readPrevious: true));

        // When: the "en" store is written twice (the second commit deletes the first's parts)
        WriteFiles(documents, BodyTermStore.Open(folder.Path, "terms-en", "fingerprint", readPrevious: true));
        WriteFiles(documents, BodyTermStore.Open(folder.Path, "terms-en", "fingerprint", readPrevious: true));

        // Then
        Assert.Equal(20, BodyTermStore.Open(folder.Path, "terms-en-GB", "fingerprint", readPrevious: true).RecalledCount);
        Assert.Equal(2, Directory.GetFiles(folder.Path, "*.bin").Length);
    }

    private static SearchDocument[] Keyed(SearchDocument[] documents) => [.. documents.Select((d, i) => d with { AnalysisKey = "key-" + i })];

    private static BodyTermStore Store(TempDirectory folder) => BodyTermStore.Open(folder.Path, "terms", "fingerprint", readPrevious: true);

    /// <summary>Writes an index (committing the store, if any) and returns its files by path.</summary>
    private static List<(string Path, string Content)> WriteFiles(IReadOnlyList<SearchDocument> documents, BodyTermStore? store, int parts = 1)
    {
        var files = new List<(string Path, string Content)>();
        IndexWriter.Write(documents, parts, IndexLayout.RecordsPerFile, (path, utf8) =>
        {
            lock (files)
            {
                files.Add((path, System.Text.Encoding.UTF8.GetString(utf8)));
            }
        }, store);
        store?.Commit();
        return [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
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
        var recordFilesRead = index.FilesRead.Keys.Where(k => k.StartsWith(IndexLayout.DocumentFolder, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(1, shardsRead);
        Assert.True(shardCount > 4);
        Assert.Equal(IndexLayout.PageSize, results.Hits.Length);
        Assert.Equal(results.Hits.Select(h => IndexLayout.RecordFile(h.Id, IndexLayout.RecordsPerFile)).Distinct().Order(StringComparer.Ordinal), recordFilesRead);
    }

    [Fact]
    public void Should_WriteTheSameBytesAsTheReferenceWriter_When_IndexingTheSampleReports()
    {
        // Given
        var documents = SampleReports();

        // When
        var files = IndexWriter.Write(documents);
        var inParts = IndexWriter.Write(documents, parts: 4);

        // Then
        var expected = Grouped(ReferenceIndexWriter.Write(documents), IndexLayout.RecordsPerFile);
        Assert.True(files.Count(f => f.Path.StartsWith(IndexLayout.ShardFolder, StringComparison.Ordinal)) >= 8);
        Assert.Equal(expected.Select(f => f.Path), files.Select(f => f.Path));
        Assert.All(expected.Zip(files), pair => Assert.True(pair.First.Content == pair.Second.Content, pair.First.Path + " differs"));
        Assert.Equal(files, inParts);
    }

    [Fact]
    public void Should_WriteTheSameBytesAsTheReferenceWriter_When_DocumentsHoldAnyMixOfText()
    {
        // Given
        var corpora = TextTokens.Document.Array[0, 12].Select(Gen.Int[1, 9]);

        // When
        static void Check((SearchDocument[] Documents, int RecordsPerFile) corpus)
        {
            var (documents, recordsPerFile) = corpus;
            var reference = ReferenceIndexWriter.Write(documents);
            Assert.Equal(Grouped(reference, IndexLayout.RecordsPerFile), IndexWriter.Write(documents).Select(f => (f.Path, f.Content)));
            Assert.Equal(Grouped(reference, recordsPerFile), IndexWriter.Write(documents, parts: 3, recordsPerFile).Select(f => (f.Path, f.Content)));
        }

        // Then
        corpora.Sample(Check, iter: 300, threads: 1);
    }

    /// <summary>
    /// The reference writer's files in the current format: its term shards unchanged, <c>meta.json</c> with the
    /// current version and the records a file, and its one-record files joined in id order into arrays of
    /// <paramref name="recordsPerFile"/> records (compact JSON, so joining the texts is writing the array).
    /// </summary>
    private static List<(string Path, string Content)> Grouped(List<(string Path, string Content)> reference, int recordsPerFile)
    {
        var meta = reference[0];
        Assert.Equal(IndexLayout.MetaFile, meta.Path);
        Assert.StartsWith("{\"v\":1,", meta.Content, StringComparison.Ordinal);
        var content = "{\"v\":" + IndexLayout.Version + "," + meta.Content["{\"v\":1,".Length..^2] + ",\"r\":" + recordsPerFile + "}\n";
        var records = reference.Where(f => f.Path.StartsWith(IndexLayout.DocumentFolder, StringComparison.Ordinal)).ToList();
        Assert.Equal(records.Select((_, id) => IndexLayout.DocumentFolder + id + ".json"), records.Select(f => f.Path));
        return
        [
            (meta.Path, content),
            .. reference.Skip(1).Where(f => !f.Path.StartsWith(IndexLayout.DocumentFolder, StringComparison.Ordinal)),
            .. records.Chunk(recordsPerFile).Select((group, k) => (IndexLayout.RecordFile(k * recordsPerFile, recordsPerFile), "[" + string.Join(",", group.Select(f => f.Content.TrimEnd('\n'))) + "]\n")),
        ];
    }

    /// <summary>
    /// The sample site's reports and pages (real text, Chinese and English), each also indexed as several shorter
    /// documents made of its paragraphs in turn, so the index has many shards.
    /// </summary>
    private static SearchDocument[] SampleReports()
    {
        var documents = new List<SearchDocument>();
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "content"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);
            var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            var front = text[4..end].Split('\n').Where(l => l.Contains(": ", StringComparison.Ordinal)).Select(l => l.Split(": ", 2))
                .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1].Trim('"'), StringComparer.Ordinal);
            var body = text[(end + 5)..];
            var paragraphs = body.Split("\n\n");
            for (var part = 0; part <= Math.Min(paragraphs.Length, 30); part++)
            {
                documents.Add(new SearchDocument
                {
                    Url = "/" + Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/') + "/" + part + "/",
                    Title = front.GetValueOrDefault("title") ?? "无题",
                    Body = part == 0 ? body : string.Join("\n\n", paragraphs.Skip(part).Take(3)),
                    Summary = front.GetValueOrDefault("summary"),
                    Office = front.GetValueOrDefault("office"),
                    OfficeName = front.GetValueOrDefault("office") is { } office ? office.Replace('-', ' ') + " 街道" : null,
                    Year = front.TryGetValue("year", out var year) ? int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) : null,
                    Kind = front.GetValueOrDefault("kind") ?? "page",
                    KindName = front.GetValueOrDefault("kind"),
                    DocNumber = front.GetValueOrDefault("doc_number"),
                });
            }
        }

        return [.. documents];
    }
}
