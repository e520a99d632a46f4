using System.Text.Json;

namespace Publisher.Search.Indexing;

/// <summary>
/// Changes a written index for a few edited documents instead of making it again: at 10,000 documents making
/// the Chinese index took 1.8–2.2 s of a one-edit build, nearly all of it counting and appending the ten million
/// postings of the documents that did not change. A patch analyses only the changed documents, reads only the
/// term shards that held one of them (<see cref="ShardRows"/>) or get one of its terms, rewrites those, and the
/// record files of the changed documents; every other file is kept. A document a recent patch changed is cheaper
/// still: its postings as written are in the state (<see cref="IndexState.Known"/>), so only the shards of the
/// terms whose posting changed are read (a sentence added to a 12 KB report the second time: a few dozen shards
/// rather than 1,500 of 2,048). The bytes are the ones
/// <see cref="IndexWriter.Write(IReadOnlyList{SearchDocument}, IndexFileSink, BodyTermStore?)"/> gives for the
/// same documents, because the BM25 length pivot is rounded (<see cref="IndexWriter.PivotStep"/>): an edit that
/// leaves it where it was changes no other document's postings.
/// </summary>
/// <remarks>
/// No patch (the caller writes the whole index) when the documents are not the same list of URLs (an added,
/// deleted or moved document changes the ids of the others), when more than <see cref="MaxChangedShare"/> of them
/// changed, when the pivot or the shard bits would change, or when a previous file is missing or not as written.
/// </remarks>
public static class IndexPatcher
{
    /// <summary>Above this share of changed documents a full write is about as fast (a patch reads every shard).</summary>
    public const double MaxChangedShare = 0.02;

    /// <summary>How many documents' postings a patch leaves for the next (<see cref="IndexState.Known"/>): an editor works on a few at a time.</summary>
    internal const int KnownLimit = 16;

    /// <summary>
    /// Patches the index described by <paramref name="previous"/> so that it indexes <paramref name="documents"/>:
    /// reads its files through <paramref name="readPrevious"/> (path inside the index → bytes, or null when
    /// unreadable), then either gives up having written nothing (null), or writes the changed files into
    /// <paramref name="sink"/>, calls <paramref name="keep"/> for each previous file that stays as it was, and
    /// returns the new state (its <see cref="IndexState.Files"/> left for the caller to fill). A previous file
    /// neither written nor kept is no longer part of the index (a term shard left empty). The previous state's
    /// <see cref="IndexState.ShardRows"/> are changed in place and become the new state's (50 MB at 50,000
    /// documents are not copied): do not use <paramref name="previous"/> after.
    /// </summary>
    public static IndexState? TryPatch(IndexState previous, IReadOnlyList<SearchDocument> documents, Func<string, byte[]?> readPrevious, IndexFileSink sink, Action<string> keep) =>
        TryPatch(previous, documents, readPrevious, sink, keep, MaxChangedShare);

    /// <summary>As the public one, with another limit on the share of changed documents (for tests on small indexes).</summary>
    internal static IndexState? TryPatch(IndexState previous, IReadOnlyList<SearchDocument> documents, Func<string, byte[]?> readPrevious, IndexFileSink sink, Action<string> keep, double maxChangedShare)
    {
        var count = documents.Count;
        var perFile = previous.RecordsPerFile;
        if (count == 0 || previous.Urls.Length != count || perFile < 1 || !previous.Files.ContainsKey(IndexLayout.MetaFile))
        {
            return null;
        }

        for (var id = 0; id < count; id++)
        {
            if (!string.Equals(documents[id].Url, previous.Urls[id], StringComparison.Ordinal) ||
                (id % perFile == 0 && !previous.Files.ContainsKey(IndexLayout.RecordFile(id, perFile))))
            {
                return null;
            }
        }

        var hashes = DocumentHash.All(documents);
        var changed = new bool[count];
        var changedIds = new List<int>();
        for (var id = 0; id < count; id++)
        {
            if (hashes[id] != previous.Hashes[id])
            {
                changed[id] = true;
                changedIds.Add(id);
            }
        }

        if (changedIds.Count > Math.Max(1, count * maxChangedShare))
        {
            return null;
        }

        if (changedIds.Count == 0)
        {
            // The same documents (say, the English index when only a Chinese body changed): every file stays.
            foreach (var path in previous.Files.Keys)
            {
                keep(path);
            }

            return previous with { Files = new Dictionary<string, string>(StringComparer.Ordinal) };
        }

        var bodyLengths = (int[])previous.BodyLengths.Clone();
        var pivotStep = previous.PivotStep;
        var (terms, postings) = IndexWriter.AnalyseFew([.. changedIds.Select(id => documents[id])], lengths =>
        {
            for (var i = 0; i < lengths.Length; i++)
            {
                bodyLengths[changedIds[i]] = lengths[i];
            }

            pivotStep = IndexWriter.PivotStep(IndexWriter.AverageBody(bodyLengths));
            return IndexWriter.Pivot(pivotStep);
        });
        if (pivotStep != previous.PivotStep)
        {
            return null;
        }

        var bits = previous.Bits;
        if (ShardRows.Of(previous.ShardRows, count, bits) is not { } previousRows)
        {
            return null;
        }

        // The shards to read: those where a changed document's postings change. For a document whose postings a
        // previous patch left (IndexState.Known), the shards of the terms it gained or lost or whose impact moved (an
        // added sentence leaves most impacts where they were); for any other, every shard that holds its old
        // postings or gets its new ones.
        var (fresh, freshByShard) = Fresh(terms, postings, changedIds, bits);
        var impacts = ImpactsByDocument(fresh);
        var visit = new bool[1 << bits];
        var rows = previousRows; // changed where they lie: the previous state is not used after a patch
        foreach (var id in changedIds)
        {
            var now = impacts.GetValueOrDefault(id) ?? [];
            if (previous.Known.TryGetValue(id, out var known) && known.Hash == previous.Hashes[id])
            {
                VisitDifferences(known.Impacts, now, visit, bits);
            }
            else
            {
                rows.CopyTo(id, visit);
                foreach (var term in now.Keys)
                {
                    visit[TermHash.Shard(term, bits)] = true;
                }
            }

            rows.Clear(id);
        }

        for (var shard = 0; shard < visit.Length; shard++)
        {
            foreach (var term in freshByShard[shard] ?? [])
            {
                foreach (var (id, _) in fresh[term])
                {
                    rows.Mark(id, shard);
                }
            }
        }

        var shards = new byte[]?[1 << bits];
        long charsDelta = 0;
        var failed = false;
        Parallel.For(0, shards.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => 0L, (shard, _, delta) =>
        {
            if (!visit[shard])
            {
                return delta;
            }

            var path = IndexWriter.ShardPath(shard, bits);
            var bytes = previous.Files.ContainsKey(path) ? readPrevious(path) : [];
            if (bytes is null)
            {
                failed = true;
                return delta;
            }

            try
            {
                shards[shard] = ShardPatch.Apply(bytes, freshByShard[shard], fresh, changed, changedIds[^1], count, out var shardDelta);
                return delta + shardDelta;
            }
            catch (Exception ex) when (ex is FormatException or JsonException)
            {
                failed = true;
                return delta;
            }
        }, delta => Interlocked.Add(ref charsDelta, delta));
        var totalChars = previous.TotalChars + charsDelta;
        if (failed || IndexWriter.ShardBits(totalChars) != bits)
        {
            return null;
        }

        keep(IndexLayout.MetaFile);
        for (var shard = 0; shard < shards.Length; shard++)
        {
            var path = IndexWriter.ShardPath(shard, bits);
            if (shards[shard] is null)
            {
                if (previous.Files.ContainsKey(path))
                {
                    keep(path);
                }
            }
            else if (shards[shard]!.Length > 0)
            {
                sink(path, shards[shard]);
            }
        }

        var json = new IndexWriter.JsonBuffer();
        for (var start = 0; start < count; start += perFile)
        {
            if (changed.AsSpan(start, Math.Min(perFile, count - start)).Contains(true))
            {
                IndexWriter.RecordFile(documents, start, perFile, json, sink);
            }
            else
            {
                keep(IndexLayout.RecordFile(start, perFile));
            }
        }

        return new IndexState(perFile, bits, pivotStep, totalChars, previous.Urls, hashes, bodyLengths) { ShardRows = rows.Bytes, Known = Known(previous, changedIds, changed, hashes, impacts) };
    }

    /// <summary>Marks the shard of every term whose posting differs between <paramref name="before"/> and <paramref name="now"/> (term → impact).</summary>
    private static void VisitDifferences(IReadOnlyDictionary<string, int> before, Dictionary<string, int> now, bool[] visit, int bits)
    {
        foreach (var (term, impact) in now)
        {
            if (!before.TryGetValue(term, out var was) || was != impact)
            {
                visit[TermHash.Shard(term, bits)] = true;
            }
        }

        foreach (var term in before.Keys)
        {
            if (!now.ContainsKey(term))
            {
                visit[TermHash.Shard(term, bits)] = true;
            }
        }
    }

    /// <summary>
    /// The postings the next patch may rely on: the changed documents' (as just written), then those a previous patch
    /// left of documents that did not change since, up to <see cref="KnownLimit"/> documents.
    /// </summary>
    private static Dictionary<int, KnownPostings> Known(IndexState previous, List<int> changedIds, bool[] changed, UInt128[] hashes, Dictionary<int, Dictionary<string, int>> impacts)
    {
        var known = new Dictionary<int, KnownPostings>();
        foreach (var id in changedIds.Take(KnownLimit))
        {
            known[id] = new KnownPostings(hashes[id], impacts.GetValueOrDefault(id) ?? []);
        }

        foreach (var (id, postings) in previous.Known)
        {
            if (known.Count < KnownLimit && !changed[id] && postings.Hash == hashes[id])
            {
                known[id] = postings;
            }
        }

        return known;
    }

    /// <summary>The changed documents' postings (term → impact) by document id.</summary>
    private static Dictionary<int, Dictionary<string, int>> ImpactsByDocument(Dictionary<string, List<(int DocId, int Impact)>> fresh)
    {
        var byDocument = new Dictionary<int, Dictionary<string, int>>();
        foreach (var (term, list) in fresh)
        {
            foreach (var (id, impact) in list)
            {
                if (!byDocument.TryGetValue(id, out var impacts))
                {
                    byDocument[id] = impacts = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                impacts[term] = impact;
            }
        }

        return byDocument;
    }

    /// <summary>The changed documents' postings by term (global ids), and each shard's terms among them in ordinal order.</summary>
    private static (Dictionary<string, List<(int DocId, int Impact)>> Fresh, List<string>?[] ByShard) Fresh(TermTable terms, PostingLists postings, List<int> changedIds, int bits)
    {
        var fresh = new Dictionary<string, List<(int DocId, int Impact)>>(terms.Count, StringComparer.Ordinal);
        var byShard = new List<string>?[1 << bits];
        for (var term = 0; term < terms.Count; term++)
        {
            if (postings.DocumentFrequency(term) == 0)
            {
                continue;
            }

            var list = new List<(int DocId, int Impact)>();
            PostingCodec.Decode(postings.Encoded(term), list);
            for (var i = 0; i < list.Count; i++)
            {
                list[i] = (changedIds[list[i].DocId], list[i].Impact);
            }

            var text = terms[term];
            fresh.Add(text, list);
            (byShard[TermHash.Shard(text, bits)] ??= []).Add(text);
        }

        foreach (var list in byShard)
        {
            list?.Sort(StringComparer.Ordinal);
        }

        return (fresh, byShard);
    }
}
