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
    public void Should_WriteTheSameBytes_When_TheBodyTermCountsOfAPreviousIndexAreGiven()
    {
        // Given: the counts a first index returned, given back for all documents but one whose body changed
        var documents = Corpus(3000);
        var (firstFiles, counts) = WriteWithCounts(documents);
        var edited = documents.Select((d, i) => i == 17 ? d with { Body = d.Body + "新增一段关于行政复议的说明。" } : d with { BodyTermCount = counts[i] }).ToArray();

        // When
        var (withCounts, _) = WriteWithCounts(edited);
        var (scanned, scannedCounts) = WriteWithCounts([.. edited.Select(d => d with { BodyTermCount = null })]);

        // Then
        Assert.Equal(scanned, withCounts);
        Assert.Equal(firstFiles, WriteWithCounts(documents).Files);
        Assert.True(scannedCounts[17] > counts[17]);
        Assert.Equal(counts.Where((_, i) => i != 17), scannedCounts.Where((_, i) => i != 17));
    }

    [Fact]
    public void Should_WriteOtherImpacts_When_AGivenBodyTermCountIsNotTheBodys()
    {
        // Given: a count that does not belong to the body (what the build's cache must never give)
        var documents = Corpus(50);
        var (files, counts) = WriteWithCounts(documents);

        // When
        var (wrong, _) = WriteWithCounts([.. documents.Select((d, i) => d with { BodyTermCount = i == 0 ? counts[i] * 5 : counts[i] })]);

        // Then: the counts are used, not ignored
        Assert.NotEqual(files, wrong);
    }

    private static (List<(string Path, string Content)> Files, IReadOnlyList<int> Counts) WriteWithCounts(IReadOnlyList<SearchDocument> documents)
    {
        var files = new List<(string Path, string Content)>();
        var counts = IndexWriter.Write(documents, (path, utf8) =>
        {
            lock (files)
            {
                files.Add((path, System.Text.Encoding.UTF8.GetString(utf8)));
            }
        });
        return ([.. files.OrderBy(f => f.Path, StringComparer.Ordinal)], counts);
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
