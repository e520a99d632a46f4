using System.Text;
using CsCheck;
using Publisher.Search.Indexing;
using Publisher.Testing;

namespace Publisher.Search.Tests.Indexing;

public sealed class IndexPatcherTests
{
    [Fact]
    public void Should_WriteTheSameFilesAsAFullIndex_When_OneBodyOfManyIsEdited()
    {
        // Given: 600 documents in several shards, then one body edited
        var documents = Corpus(600);
        var (files, state) = Full(documents);
        var edited = documents.Select((d, i) => i == 123 ? d with { Body = d.Body + "新增一段关于行政复议和公共法律服务的说明。" } : d).ToArray();

        // When
        var patch = Patch(files, state, edited);

        // Then: patched, identical to a full index, and most files kept
        Assert.NotNull(patch.State);
        Assert.Equal(Full(edited).Files, patch.Files);
        Assert.True(patch.Written.Count < files.Count / 2, $"{patch.Written.Count} of {files.Count} files written");
        Assert.Contains(IndexLayout.RecordFile(123, IndexLayout.RecordsPerFile), patch.Written);
        Assert.DoesNotContain(IndexLayout.RecordFile(0, IndexLayout.RecordsPerFile), patch.Written);
        Assert.Equal(state.Bits, patch.State!.Bits);
    }

    [Fact]
    public void Should_ReadOnlyTheBodiesOfTheDocumentsItWritesAgain_When_TheyHaveAnalysisKeys()
    {
        // Given: 600 documents whose bodies are made on demand (each body made is noted) and keyed by their text,
        // then one edited
        var read = new HashSet<string>(StringComparer.Ordinal);
        SearchDocument Keyed(SearchDocument d, string body) =>
            d with
            {
                AnalysisKey = "key:" + body.GetHashCode(StringComparison.Ordinal),
                BodySource = () =>
                {
                    lock (read)
                    {
                        read.Add(body);
                    }

                    return body;
                },
            };
        var plain = Corpus(600);
        var documents = plain.Select(d => Keyed(d, d.Body)).ToArray();
        var (files, state) = Full(documents);
        var edited = documents.Select((d, i) => i == 123 ? Keyed(plain[i], plain[i].Body + "新增一段关于行政复议的说明。") : Keyed(plain[i], plain[i].Body)).ToArray();
        read.Clear();

        // When
        var patch = Patch(files, state, edited);

        // Then: only the bodies of the edited document's record file were read, and the files are a full index's
        Assert.NotNull(patch.State);
        Assert.InRange(read.Count, 1, IndexLayout.RecordsPerFile);
        Assert.Equal(Full(plain.Select((d, i) => i == 123 ? d with { Body = d.Body + "新增一段关于行政复议的说明。" } : d).ToArray()).Files, patch.Files);
    }

    [Fact]
    public void Should_ReadOnlyTheShardsOfTheEditedDocumentsOldAndNewTerms_When_PatchingALargeIndex()
    {
        // Given: 400 long documents of random ideographs (hundreds of shards), and a short one edited
        var documents = LongDocuments(seed: 7)
            .Append(TestIndex.Doc("短文", "小事一桩") with { Url = "/short/" })
            .ToArray();
        var (files, state) = Full(documents);
        var edited = documents.Select(d => d.Url == "/short/" ? d with { Body = "大事两件" } : d).ToArray();

        // When
        var patch = Patch(files, state, edited);

        // Then: a few dozen shards read of hundreds, and the bytes of a full index (the old terms are gone)
        var shards = files.Keys.Count(p => p.StartsWith(IndexLayout.ShardFolder, StringComparison.Ordinal));
        Assert.NotNull(patch.State);
        Assert.True(shards >= 128 && patch.Read < shards / 4, $"{patch.Read} of {shards} shards read");
        Assert.Equal(Full(edited).Files, patch.Files);
        Assert.DoesNotContain(patch.Files.Values, content => content.Contains("\"一桩\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_WriteOnlyTheShardsWhoseEntriesChange_When_AnEditLeavesTheOtherTermsImpactsAsTheyWere()
    {
        // Given: 400 long documents of random ideographs, and the last character of one of them replaced (same
        // length, so every other term of it keeps its impact and weight)
        var documents = LongDocuments(seed: 11);
        var (files, state) = Full(documents);
        var edited = documents.Select((d, i) => i == 200 ? d with { Body = d.Body[..^1] + "鑫" } : d).ToArray();

        // When
        var patch = Patch(files, state, edited);

        // Then: the shards of the edited document were read, but only those of its changed terms (the old and the
        // new last character and bigram) written again; the bytes are a full index's
        var written = patch.Written.Count(p => p.StartsWith(IndexLayout.ShardFolder, StringComparison.Ordinal));
        Assert.NotNull(patch.State);
        Assert.True(patch.Read >= 100, $"{patch.Read} shards read");
        Assert.InRange(written, 1, 4);
        Assert.Equal(Full(edited).Files, patch.Files);
    }

    [Fact]
    public void Should_ReadOnlyTheShardsOfTermsWhosePostingChanged_When_ADocumentIsEditedAgain()
    {
        // Given: 400 long documents of random ideographs, one of them edited once (the patch reads every shard it is in)
        var documents = LongDocuments(seed: 5);
        var (files, state) = Full(documents);
        var once = documents.Select((d, i) => i == 200 ? d with { Body = d.Body + "依法行政" } : d).ToArray();
        var first = Patch(files, state, once);

        // When: the same document is edited again, patching the patched index
        var twice = once.Select((d, i) => i == 200 ? d with { Body = d.Body + "依法行政" } : d).ToArray();
        var second = Patch(first.Files, first.State! with { Files = first.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal) }, twice);

        // Then: the second patch reads only the shards of the terms whose impact moved, a few of the hundreds the
        // first read, and both give a full index's bytes
        Assert.True(first.Read >= 100, $"{first.Read} shards read by the first patch");
        Assert.NotNull(second.State);
        Assert.True(second.Read <= 12, $"{second.Read} shards read by the second patch");
        Assert.Equal(Full(once).Files, first.Files);
        Assert.Equal(Full(twice).Files, second.Files);
    }

    [Fact]
    public void Should_WriteTheSameFilesAsAFullIndex_When_PatchedAgainAndAgain()
    {
        // Given: any small corpus, and three rounds of edits of up to two documents each (often the same ones)
        var edit = Gen.Select(Gen.Int[0, 5], TextTokens.Document, Gen.Int[0, 2]);
        var cases = TextTokens.Document.Array[6, 20].SelectMany(documents => edit.Array[1, 2].Array[3].Select(rounds => (documents, rounds)));
        var patchedAgain = 0;

        // When
        void Check((SearchDocument[] Documents, (int At, SearchDocument With, int Field)[][] Rounds) test)
        {
            var (files, state) = Full(test.Documents);
            var current = test.Documents.ToArray();
            var patchedBefore = false;
            foreach (var round in test.Rounds)
            {
                foreach (var (at, with, field) in round)
                {
                    current[at] = field switch
                    {
                        0 => current[at] with { Body = with.Body },
                        1 => current[at] with { Body = current[at].Body + with.Title },
                        _ => current[at] with { Title = with.Title, Year = with.Year },
                    };
                }

                var patch = Patch(files, state, current, maxChangedShare: 1);

                // Then: each round either does not patch (the pivot or the shard bits moved; a full index follows)
                // or gives exactly the full index's files
                var full = Full(current);
                if (patch.State is null)
                {
                    (files, state, patchedBefore) = (full.Files, full.State, false);
                    continue;
                }

                Assert.Equal(full.Files, patch.Files);
                if (patchedBefore)
                {
                    Interlocked.Increment(ref patchedAgain);
                }

                (files, state, patchedBefore) = (patch.Files, patch.State with { Files = patch.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal) }, true);
            }
        }

        cases.Sample(Check, iter: 300, threads: 1);
        Assert.True(patchedAgain > 150, $"only {patchedAgain} patches of a patched index");
    }

    [Fact]
    public void Should_WriteTheSameFilesAsAFullIndex_When_AnyFewDocumentsChangeAnyField()
    {
        // Given: any small corpus, and edits of any field but the URL of up to three of its documents
        var cases = TextTokens.Document.Array[4, 30].SelectMany(documents =>
            Gen.Select(Gen.Int[0, documents.Length - 1], TextTokens.Document, Gen.Int[0, 3]).Array[1, 3].Select(edits => (documents, edits)));
        var patched = 0;

        // When
        void Check((SearchDocument[] Documents, (int At, SearchDocument With, int Field)[] Edits) test)
        {
            var (files, state) = Full(test.Documents);
            var edited = test.Documents.ToArray();
            foreach (var (at, with, field) in test.Edits)
            {
                edited[at] = field switch
                {
                    0 => edited[at] with { Body = with.Body },
                    1 => edited[at] with { Title = with.Title, Summary = with.Summary },
                    2 => edited[at] with { Office = with.Office, OfficeName = with.OfficeName, Year = with.Year, Kind = with.Kind },
                    _ => edited[at] with { KindName = with.KindName, DocNumber = with.DocNumber, Body = edited[at].Body + with.Title },
                };
            }

            var patch = Patch(files, state, edited, maxChangedShare: 1);

            // Then: either no patch (the pivot or the shard bits moved) or exactly the full index's files
            if (patch.State is not null)
            {
                Interlocked.Increment(ref patched);
                Assert.Equal(Full(edited).Files, patch.Files);
            }
        }

        cases.Sample(Check, iter: 400, threads: 1);
        Assert.True(patched > 200, $"only {patched} of 400 patched");
    }

    [Fact]
    public void Should_KeepEveryFileWithoutReadingAny_When_NoDocumentChanged()
    {
        // Given
        var documents = Corpus(300);
        var (files, state) = Full(documents);
        var read = 0;

        // When
        var kept = new List<string>();
        var patched = IndexPatcher.TryPatch(state, documents, _ => { read++; return null; }, (path, _) => Assert.Fail(path + " written"), kept.Add);

        // Then
        Assert.NotNull(patched);
        Assert.Equal(0, read);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), kept.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_NotPatch_When_TheDocumentsAreNotTheSameList()
    {
        // Given
        var documents = Corpus(100);
        var (files, state) = Full(documents);

        // When: one deleted, one added, two swapped
        var deleted = Patch(files, state, documents[1..]);
        var added = Patch(files, state, [.. documents, TestIndex.Doc("新的报告", "正文")]);
        var swapped = Patch(files, state, [documents[1], documents[0], .. documents[2..]]);

        // Then: nothing written, nothing kept
        Assert.All(new[] { deleted, added, swapped }, p => Assert.True(p.State is null && p.Written.Count == 0 && p.Kept.Count == 0));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("damaged")]
    public void Should_NotPatch_When_APreviousShardCannotBeRead(string change)
    {
        // Given
        var documents = Corpus(300);
        var (files, state) = Full(documents);
        var shard = IndexWriter.ShardPath(TermHash.Shard("报告", state.Bits), state.Bits); // holds the edited document (every title has 报告), so the patch must read it
        Assert.True(files.ContainsKey(shard));
        if (change == "missing")
        {
            files.Remove(shard);
        }
        else
        {
            files[shard] = files[shard][..^5] + "\n";
        }

        // When
        var patch = Patch(files, state, [.. documents.Select((d, i) => i == 5 ? d with { Title = "改过的标题" } : d)]);

        // Then
        Assert.Null(patch.State);
        Assert.Empty(patch.Written);
    }

    [Fact]
    public void Should_DropATermsShard_When_ItsOnlyDocumentLosesIt()
    {
        // Given: a term found in one document only, which an edit removes
        var documents = Corpus(50).Select((d, i) => i == 7 ? d with { Body = d.Body + " zyxwvut" } : d).ToArray();
        var (files, state) = Full(documents);

        // When
        var edited = documents.Select((d, i) => i == 7 ? d with { Body = d.Body.Replace(" zyxwvut", string.Empty, StringComparison.Ordinal) } : d).ToArray();
        var patch = Patch(files, state, edited);

        // Then
        Assert.NotNull(patch.State);
        Assert.Equal(Full(edited).Files, patch.Files);
        Assert.DoesNotContain(patch.Files.Values, content => content.Contains("zyxwvut", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("flip")]
    [InlineData("fingerprint")]
    public void Should_LoadTheSavedState_When_ItIsIntactAndThisBuilds(string change)
    {
        // Given
        using var folder = new TempDirectory();
        var (files, full) = Full(Corpus(40));
        var state = Patch(files, full, [.. Corpus(40).Select((d, i) => i == 7 ? d with { Body = d.Body + "复议" } : d)]).State!;
        Assert.NotEmpty(state.Known);
        state = state with { Files = new Dictionary<string, string>(StringComparer.Ordinal) { ["meta.json"] = "abc", ["t/0.json"] = "def" } };
        var path = Path.Combine(folder.Path, "state.bin");
        state.Save(path, "fingerprint");
        if (change == "flip")
        {
            var bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 2] ^= 1;
            File.WriteAllBytes(path, bytes);
        }

        // When
        var loaded = IndexState.Load(path, change == "fingerprint" ? "other" : "fingerprint");

        // Then
        if (change != "none")
        {
            Assert.Null(loaded);
            return;
        }

        Assert.NotNull(loaded);
        Assert.Equal((state.RecordsPerFile, state.Bits, state.PivotStep, state.TotalChars), (loaded.RecordsPerFile, loaded.Bits, loaded.PivotStep, loaded.TotalChars));
        Assert.Equal(state.Urls, loaded.Urls);
        Assert.Equal(state.Hashes, loaded.Hashes);
        Assert.Equal(state.BodyLengths, loaded.BodyLengths);
        Assert.NotNull(loaded.ShardRows);
        Assert.Equal(state.ShardRows!.Value.ToArray(), loaded.ShardRows!.Value.ToArray());
        Assert.Equal(state.Files, loaded.Files);
        Assert.Equal(state.Known.Keys, loaded.Known.Keys);
        Assert.All(state.Known, k => Assert.Equal(k.Value.Impacts.OrderBy(i => i.Key, StringComparer.Ordinal), loaded.Known[k.Key].Impacts.OrderBy(i => i.Key, StringComparer.Ordinal)));
        Assert.All(state.Known, k => Assert.Equal(k.Value.Hash, loaded.Known[k.Key].Hash));
    }

    /// <summary>400 documents of 300 random ideographs each (hundreds of shards), the same for the same seed.</summary>
    private static SearchDocument[] LongDocuments(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 400)
            .Select(i => TestIndex.Doc("报告" + i, new string([.. Enumerable.Range(0, 300).Select(_ => (char)random.Next(0x4E00, 0x4E00 + 2000))])) with { Url = $"/doc/{i}/" })];
    }

    private static SearchDocument[] Corpus(int count) =>
        [.. Enumerable.Range(0, count).Select(i => TestIndex.Doc($"第{i}号报告：{(char)('甲' + (i % 40))}街道", $"街道{i % 7}推进依法行政和普法宣传，编号{i}，{new string((char)('一' + (i % 300)), 1 + (i % 5))}社区。", year: 2019 + (i % 3)) with { Url = $"/doc/{i}/" })];

    /// <summary>A full index's files by path, and its state with the files' "hashes" (here, their text).</summary>
    private static (Dictionary<string, string> Files, IndexState State) Full(IReadOnlyList<SearchDocument> documents)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var state = IndexWriter.Write(documents, parts: 1, IndexLayout.RecordsPerFile, (path, utf8) =>
        {
            lock (files)
            {
                files.Add(path, Encoding.UTF8.GetString(utf8));
            }
        }, store: null);
        return (files, state with { Files = new Dictionary<string, string>(files, StringComparer.Ordinal) });
    }

    /// <summary>Patches the index in <paramref name="files"/>; the files after it are the kept ones and the written ones.</summary>
    private static (IndexState? State, Dictionary<string, string> Files, List<string> Written, List<string> Kept, int Read) Patch(
        Dictionary<string, string> files, IndexState state, IReadOnlyList<SearchDocument> documents, double maxChangedShare = IndexPatcher.MaxChangedShare)
    {
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<string>();
        var read = 0;
        var patched = IndexPatcher.TryPatch(
            state,
            documents,
            path =>
            {
                Interlocked.Increment(ref read);
                return files.TryGetValue(path, out var content) ? Encoding.UTF8.GetBytes(content) : null;
            },
            (path, utf8) => written.Add(path, Encoding.UTF8.GetString(utf8)),
            path => kept.Add(path),
            maxChangedShare);
        var after = new Dictionary<string, string>(written, StringComparer.Ordinal);
        foreach (var path in kept)
        {
            Assert.False(written.ContainsKey(path), path + " both kept and written");
            after.Add(path, files[path]);
        }

        return (patched, after, [.. written.Keys], kept, read);
    }
}
