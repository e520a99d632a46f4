using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Publisher.Search.Tokenization;

namespace Publisher.Search.Indexing;

/// <summary>
/// Writes the search index of one language: <c>meta.json</c>; term shards <c>t/&lt;hex&gt;.json</c>, each a JSON
/// object mapping a term to <c>[weight, postings]</c>, where weight is the term's BM25 IDF ×100 and postings are
/// encoded by <see cref="PostingCodec"/> with a BM25F impact per document (title ×3, office, kind and number ×2,
/// body ×1 with length normalisation); and the records of what a result shows, grouped
/// <see cref="IndexLayout.RecordsPerFile"/> documents a file: <c>d/&lt;id / R&gt;.json</c> is a JSON array of the
/// records of ids <c>[k × R, (k + 1) × R)</c> in order. All scoring numbers are integers fixed at build time, so the browser and the CLI rank alike. Output is
/// deterministic: the same documents in the same order give the same bytes.
/// </summary>
/// <remarks>
/// Built for large sites: terms are numbered once (<see cref="TermTable"/>) instead of made into strings per
/// occurrence, each document's counts live in reused arrays, postings are appended already encoded
/// (<see cref="PostingLists"/>), and JSON is written through one reused buffer. A first quick pass measures body
/// lengths, which the BM25 length normalisation needs before any posting can be written. Document records do not
/// depend on the terms and are written on another thread meanwhile.
/// </remarks>
public static class IndexWriter
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int TitleWeight = 3;
    private const int MetaWeight = 2;
    private const int Title = 0;
    private const int Meta = 1;
    private const int Body = 2;
    private const int DocumentsPerPart = 2000;
    private const int MaxParts = 4;
    private const int PivotStepsPerDoubling = 16;

    /// <summary>How the index's JSON is written (a patch escapes the terms it adds the same way).</summary>
    internal static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) }; // keeps Chinese literal, escapes < > & so no payload can close a script element

    /// <summary>Writes the index of <paramref name="documents"/>; a document's id is its position in the list.</summary>
    public static IReadOnlyList<IndexFile> Write(IReadOnlyList<SearchDocument> documents) =>
        Write(documents, DefaultParts(documents));

    /// <summary>
    /// Writes the index of <paramref name="documents"/> file by file into <paramref name="sink"/>, holding no file
    /// longer than it takes to make it (a 10,000-document index is 56 MB of JSON). The sink is called from two
    /// threads at once: the term shards are made on one and the document records on another. With a
    /// <paramref name="store"/>, a document whose <see cref="SearchDocument.AnalysisKey"/> the previous index kept
    /// is not analysed again, and this index's analyses are kept for the next (call
    /// <see cref="BodyTermStore.Commit"/> after); the bytes written are the same with or without it.
    /// </summary>
    /// <returns>What <see cref="IndexPatcher"/> needs to patch this index when few documents change.</returns>
    public static IndexState Write(IReadOnlyList<SearchDocument> documents, IndexFileSink sink, BodyTermStore? store = null) =>
        Write(documents, DefaultParts(documents), IndexLayout.RecordsPerFile, sink, store);

    /// <summary>
    /// Writes the index, analysing the documents in <paramref name="parts"/> ranges at the same time and grouping
    /// <paramref name="recordsPerFile"/> document records a file (other values than
    /// <see cref="IndexLayout.RecordsPerFile"/> are for measuring; readers take the value from <c>meta.json</c>).
    /// The files come in a fixed order: meta.json, the term shards, then the record files.
    /// </summary>
    internal static List<IndexFile> Write(IReadOnlyList<SearchDocument> documents, int parts, int recordsPerFile = IndexLayout.RecordsPerFile)
    {
        var shards = new List<IndexFile>();
        var records = new List<IndexFile>();
        Write(documents, parts, recordsPerFile, (path, utf8) =>
        {
            var list = path.StartsWith(IndexLayout.DocumentFolder, StringComparison.Ordinal) ? records : shards;
            lock (list)
            {
                list.Add(new IndexFile(path, Encoding.UTF8.GetString(utf8)));
            }
        }, store: null);
        return [.. shards, .. records];
    }

    internal static IndexState Write(IReadOnlyList<SearchDocument> documents, int parts, int recordsPerFile, IndexFileSink sink, BodyTermStore? store)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recordsPerFile, 1);

        // A thread of its own: a task queued on a thread pool busy rendering pages could wait for seconds. The
        // documents' hashes, which only a later patch needs, are made there too.
        var records = Task.Factory.StartNew(
            () =>
            {
                DocumentRecords(documents, recordsPerFile, sink);
                return DocumentHash.All(documents);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        var (terms, postings, bodyLengths, pivotStep) = Analyse(documents, Math.Max(1, parts), store);
        var (bits, totalChars, rows) = Shards(documents.Count, recordsPerFile, terms, postings, sink);
        var hashes = records.GetAwaiter().GetResult();
        return new IndexState(recordsPerFile, bits, pivotStep, totalChars, [.. documents.Select(d => d.Url)], hashes, bodyLengths) { ShardRows = rows };
    }

    /// <summary>
    /// Half the cores at most: a build makes the index while it renders pages, which keep every core busy, so more
    /// parts than that shorten no build, and joining them holds a second copy of the postings. On two cores one
    /// part took 20–30 MB off a 10,000-document build's peak (of about 320 MB) with the same wall time.
    /// </summary>
    private static int DefaultParts(IReadOnlyList<SearchDocument> documents) =>
        Math.Clamp(documents.Count / DocumentsPerPart, 1, Math.Min(MaxParts, Math.Max(1, Environment.ProcessorCount / 2)));

    /// <summary>The BM25 inverse document frequency ×100, rounded, at least 1.</summary>
    internal static int Idf(int documentCount, int documentFrequency) =>
        Math.Max(1, (int)Math.Round(100 * Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5))), MidpointRounding.AwayFromZero));

    /// <summary>
    /// The step of the BM25 length pivot for an average body length: the average rounded to the nearest power of
    /// 2^(1/16) (steps 4.4% apart). A rounded pivot changes no ranking a reader could tell from the exact average,
    /// and it lets an edit leave the pivot, and so every other document's postings, as they were: with the exact
    /// average any edit changed every document's length normalisation, and a one-edit build had to make the
    /// whole index again (<see cref="IndexPatcher"/>).
    /// </summary>
    internal static int PivotStep(double averageBody) =>
        (int)Math.Round(PivotStepsPerDoubling * Math.Log2(averageBody), MidpointRounding.AwayFromZero);

    /// <summary>The length pivot of a <see cref="PivotStep"/>.</summary>
    internal static double Pivot(int step) => Math.Pow(2, step / (double)PivotStepsPerDoubling);

    /// <summary>The average body length, at least 1 (an index of empty documents).</summary>
    internal static double AverageBody(ReadOnlySpan<int> bodyLengths)
    {
        long total = 0;
        foreach (var length in bodyLengths)
        {
            total += length;
        }

        return bodyLengths.IsEmpty ? 1.0 : Math.Max(1.0, (double)total / bodyLengths.Length);
    }

    /// <summary>The shard bits of an index whose terms, postings and overheads add up to <paramref name="totalChars"/>.</summary>
    internal static int ShardBits(long totalChars)
    {
        var bits = 0;
        while (bits < IndexLayout.MaxShardBits && (totalChars >> bits) > IndexLayout.TargetShardChars)
        {
            bits++;
        }

        return bits;
    }

    /// <summary>What a term adds to the total that decides the shard bits.</summary>
    internal static long ShardChars(string term, int encodedLength) => term.Length + encodedLength + 8;

    internal static bool IsFacet(string term) =>
        term.StartsWith(IndexLayout.OfficeFacet, StringComparison.Ordinal) || term.StartsWith(IndexLayout.YearFacet, StringComparison.Ordinal) || term.StartsWith(IndexLayout.KindFacet, StringComparison.Ordinal);

    /// <summary>
    /// Numbers the terms and builds their postings. With several parts, each contiguous range of documents is
    /// analysed on its own (own term table and postings), then the parts are joined in document order. The body
    /// lengths come first, from the store where it kept the document and from a scan of the body where it did
    /// not (a fifth of the analysis when nothing is kept).
    /// </summary>
    private static (IReadOnlyList<string> Terms, PostingLists Postings, int[] BodyLengths, int PivotStep) Analyse(IReadOnlyList<SearchDocument> documents, int parts, BodyTermStore? store)
    {
        var bounds = Enumerable.Range(0, parts + 1).Select(p => (int)((long)documents.Count * p / parts)).ToArray();
        var bodyLengths = new int[documents.Count];
        var kept = new KeptBody[documents.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parts };
        Parallel.For(0, parts, options, part =>
        {
            var scanner = new TermScanner();
            for (var id = bounds[part]; id < bounds[part + 1]; id++)
            {
                if (store is not null && store.TryRecall(documents[id].AnalysisKey, out var file, out var offset))
                {
                    kept[id] = new KeptBody(file, offset);
                    bodyLengths[id] = file.LengthAt(offset);
                    continue;
                }

                var length = new LengthSink();
                FeedBody(scanner, documents[id], ref length);
                bodyLengths[id] = length.Count;
            }
        });

        var pivotStep = PivotStep(AverageBody(bodyLengths));
        var pivot = Pivot(pivotStep);
        var analysed = new (TermTable Terms, PostingLists Postings)[parts];
        Parallel.For(0, parts, options, part =>
        {
            using var keeper = store?.BeginPart(part);
            analysed[part] = AnalysePart(documents, bounds[part], bounds[part + 1], bodyLengths, pivot, kept, keeper);
        });
        var (terms, postings) = analysed[0];
        if (parts == 1)
        {
            return (terms.Terms, postings, bodyLengths, pivotStep);
        }

        var all = new List<string>(terms.Terms);
        var ids = new Dictionary<string, int>(all.Count, StringComparer.Ordinal);
        for (var id = 0; id < all.Count; id++)
        {
            ids.Add(all[id], id);
        }

        foreach (var (partTerms, partPostings) in analysed.Skip(1))
        {
            for (var term = 0; term < partTerms.Count; term++)
            {
                if (!ids.TryGetValue(partTerms[term], out var id))
                {
                    id = all.Count;
                    all.Add(partTerms[term]);
                    ids.Add(partTerms[term], id);
                }

                postings.Append(id, partPostings, term);
            }
        }

        return (all, postings, bodyLengths, pivotStep);
    }

    /// <summary>
    /// The terms and postings of a few documents alone (ids are positions in <paramref name="documents"/>), with the
    /// length pivot <paramref name="pivot"/> returns for their body lengths: what a patch adds for the documents it
    /// changes.
    /// </summary>
    internal static (TermTable Terms, PostingLists Postings) AnalyseFew(IReadOnlyList<SearchDocument> documents, Func<int[], double> pivot)
    {
        var scanner = new TermScanner();
        var bodyLengths = new int[documents.Count];
        for (var id = 0; id < documents.Count; id++)
        {
            var length = new LengthSink();
            FeedBody(scanner, documents[id], ref length);
            bodyLengths[id] = length.Count;
        }

        return AnalysePart(documents, 0, documents.Count, bodyLengths, pivot(bodyLengths), new KeptBody[documents.Count], keeper: null);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (TermTable Terms, PostingLists Postings) AnalysePart(
        IReadOnlyList<SearchDocument> documents, int start, int end, int[] bodyLengths, double pivot, KeptBody[] kept, BodyTermPartWriter? keeper)
    {
        var scanner = new TermScanner();
        var terms = new TermTable();
        var postings = new PostingLists();
        var counts = new TermCounts();
        var recalled = new Dictionary<BodyTermPart, int[]>();
        var keptTerms = new List<int>();
        var keptCounts = new List<int>();
        for (var id = start; id < end; id++)
        {
            var doc = documents[id];
            var title = new CountSink(terms, counts, Title);
            scanner.Begin();
            scanner.Feed(doc.Title, ref title);

            var meta = new CountSink(terms, counts, Meta);
            scanner.Begin();
            scanner.Feed(string.Join(" \n ", new[] { doc.OfficeName, doc.KindName, doc.DocNumber, doc.Year?.ToString(CultureInfo.InvariantCulture) }.Where(s => s is not null)), ref meta);
            if (Tokenizer.DocNumberKey(doc.DocNumber) is { } key)
            {
                counts.Add(terms.Text(key), Meta);
            }

            if (kept[id].Part is { } part)
            {
                CountKeptBody(part, kept[id].Offset, recalled, terms, counts);
            }
            else
            {
                var body = new CountSink(terms, counts, Body);
                FeedBody(scanner, doc, ref body);
            }

            if (keeper is not null && doc.AnalysisKey is { } analysisKey)
            {
                keptTerms.Clear();
                keptCounts.Clear();
                foreach (var term in counts.Touched)
                {
                    if (counts[term].Body > 0)
                    {
                        keptTerms.Add(term);
                        keptCounts.Add(counts[term].Body);
                    }
                }

                keeper.Add(analysisKey, bodyLengths[id], CollectionsMarshal.AsSpan(keptTerms), CollectionsMarshal.AsSpan(keptCounts));
            }

            var norm = 1 - B + (B * bodyLengths[id] / pivot);
            foreach (var term in counts.Touched)
            {
                var (titleCount, metaCount, bodyCount) = counts[term];
                var tf = (TitleWeight * titleCount) + (MetaWeight * metaCount) + (bodyCount / norm);
                var impact = (int)Math.Ceiling(PostingCodec.MaxImpact * tf / (tf + K1));
                postings.Add(term, id, impact);
            }

            counts.Clear();
            if (doc.Office is { } office)
            {
                postings.Add(terms.Text(IndexLayout.OfficeFacet + office), id, 1);
            }

            if (doc.Year is { } year)
            {
                postings.Add(terms.Text(IndexLayout.YearFacet + year.ToString(CultureInfo.InvariantCulture)), id, 1);
            }

            postings.Add(terms.Text(IndexLayout.KindFacet + doc.Kind), id, 1);
        }

        keeper?.Finish(terms);
        return (terms, postings);
    }

    /// <summary>
    /// Counts a body the previous index kept: its terms are looked up in this part's table the way a scan finds
    /// them (<see cref="TermTable.Recall"/>), once per term of the kept part (<paramref name="recalled"/> maps its
    /// numbers to this table's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountKeptBody(BodyTermPart part, int offset, Dictionary<BodyTermPart, int[]> recalled, TermTable terms, TermCounts counts)
    {
        if (!recalled.TryGetValue(part, out var numbers))
        {
            numbers = new int[part.TermCount];
            Array.Fill(numbers, -1);
            recalled.Add(part, numbers);
        }

        var entries = part.EntriesAt(offset);
        while (entries.Next(out var term, out var count))
        {
            ref var number = ref numbers[term];
            if (number < 0)
            {
                number = terms.Recall(part.TermKey(term), part.TermText(term));
            }

            counts.Add(number, Body, count);
        }
    }

    /// <summary>Scans what the body field indexes: the body, a line break and the summary.</summary>
    private static void FeedBody<TSink>(TermScanner scanner, SearchDocument doc, ref TSink sink)
        where TSink : struct, ITermSink
    {
        scanner.Begin();
        var body = doc.Body; // made anew each time it is asked for (SearchDocument.BodySource)
        if (TermScanner.IsCharWise(body) && TermScanner.IsCharWise(doc.Summary))
        {
            scanner.Scan(body, mapped: true, ref sink);
            scanner.Scan(doc.Summary, mapped: true, ref sink);
        }
        else
        {
            scanner.Scan(Tokenizer.Normalize(body + "\n" + doc.Summary), mapped: false, ref sink);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Bits, long TotalChars, Memory<byte>? Rows) Shards(int documentCount, int recordsPerFile, IReadOnlyList<string> terms, PostingLists postings, IndexFileSink sink)
    {
        var count = terms.Count;
        var weights = new int[count];
        long totalChars = 0;
        for (var term = 0; term < count; term++)
        {
            var text = terms[term];
            var encoded = postings.Encoded(term);
            weights[term] = IsFacet(text) ? 0 : Idf(documentCount, postings.DocumentFrequency(term));
            totalChars += ShardChars(text, encoded.Length);
        }

        var bits = ShardBits(totalChars);

        // Counting sort of the terms by shard, then each shard's terms in ordinal order.
        var shardOf = new int[count];
        var starts = new int[(1 << bits) + 1];
        for (var term = 0; term < count; term++)
        {
            shardOf[term] = TermHash.Shard(terms[term], bits);
            starts[shardOf[term] + 1]++;
        }

        for (var shard = 1; shard < starts.Length; shard++)
        {
            starts[shard] += starts[shard - 1];
        }

        var order = new int[count];
        var next = starts[..^1];
        for (var term = 0; term < count; term++)
        {
            order[next[shardOf[term]]++] = term;
        }

        var rows = ShardRows.Create(documentCount, bits);
        var json = new JsonBuffer();
        var meta = json.Begin();
        meta.WriteStartObject();
        meta.WriteNumber("v", IndexLayout.Version);
        meta.WriteNumber("n", documentCount);
        meta.WriteNumber("bits", bits);
        meta.WriteNumber("r", recordsPerFile);
        meta.WriteEndObject();
        sink(IndexLayout.MetaFile, json.End());
        for (var shard = 0; shard + 1 < starts.Length; shard++)
        {
            var members = order.AsSpan(starts[shard], starts[shard + 1] - starts[shard]);
            if (members.IsEmpty)
            {
                continue;
            }

            members.Sort((a, b) => string.CompareOrdinal(terms[a], terms[b]));
            var writer = json.Begin();
            writer.WriteStartObject();
            foreach (var term in members)
            {
                rows?.Mark(postings.Encoded(term), shard);
                writer.WriteStartArray(terms[term]);
                writer.WriteNumberValue(weights[term]);
                writer.WriteStringValue(postings.Encoded(term));
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            sink(ShardPath(shard, bits), json.End());
        }

        return (bits, totalChars, rows?.Bytes);
    }

    /// <summary>The path of a term shard in the index.</summary>
    internal static string ShardPath(int shard, int bits) => IndexLayout.ShardFolder + TermHash.ShardName(shard, bits) + ".json";

    /// <summary>The record files: file k is the array of the records of ids [k × R, (k + 1) × R), the last one shorter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DocumentRecords(IReadOnlyList<SearchDocument> documents, int recordsPerFile, IndexFileSink sink)
    {
        var json = new JsonBuffer();
        for (var start = 0; start < documents.Count; start += recordsPerFile)
        {
            RecordFile(documents, start, recordsPerFile, json, sink);
        }
    }

    /// <summary>Writes the record file that starts at id <paramref name="start"/>.</summary>
    internal static void RecordFile(IReadOnlyList<SearchDocument> documents, int start, int recordsPerFile, JsonBuffer json, IndexFileSink sink)
    {
        var w = json.Begin();
        w.WriteStartArray();
        for (var id = start; id < Math.Min(documents.Count, start + recordsPerFile); id++)
        {
            var doc = documents[id];
            w.WriteStartObject();
            w.WriteString("u", doc.Url);
            w.WriteString("t", doc.Title);
            WriteOptional(w, "o", doc.OfficeName);
            if (doc.Year is { } year)
            {
                w.WriteNumber("y", year);
            }

            WriteOptional(w, "k", doc.KindName);
            WriteOptional(w, "n", doc.DocNumber);
            WriteOptional(w, "s", doc.Summary);
            w.WriteString("x", Excerpt(doc.Body));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        sink(IndexLayout.RecordFile(start, recordsPerFile), json.End());
    }

    /// <summary>
    /// The body with every run of white space made one space, trimmed, cut to the snippet length (not inside a
    /// surrogate pair): <c>string.Join(' ', body.Split(null, RemoveEmptyEntries))</c> without splitting all of it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Excerpt(string body)
    {
        const int Limit = IndexLayout.SnippetTextLength;
        Span<char> collapsed = stackalloc char[Limit + 1];
        var length = 0;
        var space = false;
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                collapsed[length++] = ' ';
                space = false;
                if (length > Limit)
                {
                    break;
                }
            }

            collapsed[length++] = c;
            if (length > Limit)
            {
                break;
            }
        }

        if (length <= Limit)
        {
            return new string(collapsed[..length]);
        }

        var end = Limit;
        if (char.IsHighSurrogate(collapsed[end - 1]))
        {
            end--;
        }

        return new string(collapsed[..end]);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }


    /// <summary>
    /// The terms' counts in the document being analysed, in arrays reused from document to document: a term's
    /// counts are zeroed the first time it is seen in a document (its stamp is not the document's).
    /// </summary>
    private sealed class TermCounts
    {
        private int[] _counts = new int[3 * 4096];
        private int[] _stamps = new int[4096];
        private int[] _touched = new int[1024];
        private int _touchedCount;
        private int _stamp = 1;

        /// <summary>The terms counted in this document.</summary>
        public ReadOnlySpan<int> Touched => _touched.AsSpan(0, _touchedCount);

        public (int Title, int Meta, int Body) this[int term] => (_counts[3 * term], _counts[(3 * term) + 1], _counts[(3 * term) + 2]);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(int term, int field, int count = 1)
        {
            if (term >= _stamps.Length)
            {
                var size = Math.Max(term + 1, _stamps.Length * 2);
                Array.Resize(ref _stamps, size);
                Array.Resize(ref _counts, 3 * size);
            }

            var at = 3 * term;
            if (_stamps[term] != _stamp)
            {
                _stamps[term] = _stamp;
                _counts[at] = 0;
                _counts[at + 1] = 0;
                _counts[at + 2] = 0;
                if (_touchedCount == _touched.Length)
                {
                    Array.Resize(ref _touched, _touched.Length * 2);
                }

                _touched[_touchedCount++] = term;
            }

            _counts[at + field] += count;
        }

        /// <summary>Starts the next document.</summary>
        public void Clear()
        {
            _stamp++;
            _touchedCount = 0;
        }
    }

    /// <summary>Where the previous index kept a document's body (no part: not kept).</summary>
    private readonly record struct KeptBody(BodyTermPart? Part, int Offset);

    /// <summary>Counts each term found into one field of <see cref="TermCounts"/>.</summary>
    private struct CountSink(TermTable terms, TermCounts counts, int field) : ITermSink
    {
        private int _previousWord;

        public readonly void Character(int codePoint, ReadOnlySpan<char> text) => counts.Add(terms.Character(codePoint, text), field);

        public readonly void Bigram(int first, int second, ReadOnlySpan<char> text) => counts.Add(terms.Bigram(first, second, text), field);

        public void Word(ReadOnlySpan<char> word, bool followsWord)
        {
            var stem = terms.Stem(word);
            counts.Add(stem, field);
            if (followsWord)
            {
                counts.Add(terms.Pair(_previousWord, stem), field);
            }

            _previousWord = stem;
        }
    }

    /// <summary>Counts the terms found, which is all the body length needs.</summary>
    private struct LengthSink : ITermSink
    {
        public int Count { get; private set; }

        public void Character(int codePoint, ReadOnlySpan<char> text) => Count++;

        public void Bigram(int first, int second, ReadOnlySpan<char> text) => Count++;

        public void Word(ReadOnlySpan<char> word, bool followsWord) => Count += followsWord ? 2 : 1;
    }

    /// <summary>Writes one JSON file after another through the same buffer, each ending with a line break.</summary>
    internal sealed class JsonBuffer
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
        private readonly Utf8JsonWriter _writer;

        public JsonBuffer() => _writer = new Utf8JsonWriter(_buffer, Json);

        public Utf8JsonWriter Begin()
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            return _writer;
        }

        /// <summary>The file written since <see cref="Begin"/>, valid until the next one.</summary>
        public ReadOnlySpan<byte> End()
        {
            _writer.Flush();
            _buffer.Write("\n"u8);
            return _buffer.WrittenSpan;
        }
    }
}
