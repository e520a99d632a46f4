using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Publisher.Search.Indexing;

/// <summary>
/// Makes one term shard of a patched index from the previous one's bytes: an entry that holds none of the changed
/// documents and gets no new postings is copied byte for byte; the others lose the changed documents' postings,
/// gain their new ones, and get their weight again (the document frequency may have changed); a term left with no
/// postings goes, a new term goes in at its ordinal place. The bytes are those <see cref="IndexWriter"/> writes
/// for the same postings (compact JSON, <c>"term":[weight,"postings"]</c>, terms in ordinal order).
/// </summary>
internal static class ShardPatch
{
    // Each patching thread's working lists and output buffer, used again for every shard it patches: made anew
    // per shard they were 115 MB of the 470 MB a one-edit build allocated at 10,000 documents (519 shards read).
    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>
    /// The shard's new bytes: null when it comes out byte for byte as it was, empty when no term is left. <paramref name="charsDelta"/>
    /// gets what the shard adds to (or takes from) <see cref="IndexState.TotalChars"/>.
    /// </summary>
    /// <param name="previous">The previous shard's bytes, empty when it had none.</param>
    /// <param name="freshTerms">The changed documents' terms that fall in this shard, in ordinal order, or null.</param>
    /// <param name="fresh">The changed documents' postings of every term, by global id.</param>
    /// <param name="changed">The changed documents, by id.</param>
    /// <param name="lastChanged">The highest id marked in <paramref name="changed"/>.</param>
    /// <param name="documentCount">The documents in the index, for the weights.</param>
    /// <param name="charsDelta">The change of the total.</param>
    /// <exception cref="FormatException">The previous bytes are not a shard this writer wrote.</exception>
    public static byte[]? Apply(
        ReadOnlySpan<byte> previous, List<string>? freshTerms, Dictionary<string, List<(int DocId, int Impact)>> fresh, bool[] changed, int lastChanged, int documentCount, out long charsDelta)
    {
        charsDelta = 0;
        var scratch = _scratch ??= new Scratch();
        var entries = scratch.Entries;
        Entries(previous, changed, lastChanged, entries);
        if (freshTerms is null && !entries.Exists(e => e.HoldsChanged))
        {
            return null;
        }

        var output = scratch.Output;
        output.ResetWrittenCount();
        var postings = scratch.Postings;
        var next = 0;
        var written = 0;
        var differs = false;
        output.Write("{"u8);
        foreach (var entry in entries)
        {
            var name = entry.Name ?? Encoding.UTF8.GetString(previous.Slice(entry.Start + 1, entry.NameLength));
            while (freshTerms is not null && next < freshTerms.Count && string.CompareOrdinal(freshTerms[next], name) < 0)
            {
                var term = freshTerms[next++];
                charsDelta += WriteEntry(output, ref written, JsonEncodedText.Encode(term, IndexWriter.Json.Encoder).EncodedUtf8Bytes, term, fresh[term], documentCount);
                differs = true;
            }

            var gains = freshTerms is not null && next < freshTerms.Count && freshTerms[next] == name;
            if (gains)
            {
                next++;
            }

            var raw = previous[entry.Start..entry.End];
            var encoded = previous.Slice(entry.PostingsStart, entry.PostingsLength);
            if (!entry.HoldsChanged && !gains)
            {
                Separate(output, ref written);
                output.Write(raw);
                continue;
            }

            postings.Clear();
            PostingCodec.Decode(encoded, postings);
            postings.RemoveAll(p => changed[p.DocId]);
            if (gains)
            {
                Merge(postings, fresh[name], scratch.Kept);
            }

            charsDelta -= IndexWriter.ShardChars(name, entry.PostingsLength);
            if (postings.Count == 0)
            {
                differs = true;
                continue;
            }

            var before = output.WrittenCount;
            charsDelta += WriteEntry(output, ref written, previous.Slice(entry.Start + 1, entry.NameLength), name, postings, documentCount);
            // An edit seldom moves a document's impact (quantized to 31 steps) or a term's weight (its document
            // frequency), so most rewritten entries come out as they were: a shard whose entries all do is kept.
            differs |= !output.WrittenSpan[(before + (written > 1 ? 1 : 0))..].SequenceEqual(raw);
        }

        while (freshTerms is not null && next < freshTerms.Count)
        {
            var term = freshTerms[next++];
            charsDelta += WriteEntry(output, ref written, JsonEncodedText.Encode(term, IndexWriter.Json.Encoder).EncodedUtf8Bytes, term, fresh[term], documentCount);
            differs = true;
        }

        if (!differs)
        {
            return null;
        }

        if (written == 0)
        {
            return [];
        }

        output.Write("}\n"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The previous shard's entries: where each lies and whether it holds a changed document.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Entries(ReadOnlySpan<byte> previous, bool[] changed, int lastChanged, List<Entry> entries)
    {
        entries.Clear();
        if (previous.IsEmpty)
        {
            return;
        }

        var reader = new Utf8JsonReader(previous);
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var start = (int)reader.TokenStartIndex;
            var nameLength = reader.ValueSpan.Length;
            var name = reader.ValueIsEscaped ? reader.GetString() : null; // rare (an escaped character): read now
            Expect(ref reader, JsonTokenType.StartArray);
            Expect(ref reader, JsonTokenType.Number);
            Expect(ref reader, JsonTokenType.String);
            if (reader.ValueIsEscaped)
            {
                throw new FormatException("escaped postings.");
            }

            var postingsStart = (int)reader.TokenStartIndex + 1;
            var postingsLength = reader.ValueSpan.Length;
            var holds = PostingCodec.HoldsAny(reader.ValueSpan, changed, lastChanged);
            Expect(ref reader, JsonTokenType.EndArray);
            entries.Add(new Entry(start, (int)reader.BytesConsumed, nameLength, name, postingsStart, postingsLength, holds));
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new FormatException("not a term shard.");
        }
    }

    /// <summary>Writes <c>"name":[weight,"postings"]</c> (after a comma unless first); returns what it adds to the total.</summary>
    private static long WriteEntry(ArrayBufferWriter<byte> output, ref int written, ReadOnlySpan<byte> escapedName, string term, List<(int DocId, int Impact)> postings, int documentCount)
    {
        Separate(output, ref written);
        output.Write("\""u8);
        output.Write(escapedName);
        output.Write("\":["u8);
        var weight = IndexWriter.IsFacet(term) ? 0 : IndexWriter.Idf(documentCount, postings.Count);
        var digits = output.GetSpan(11);
        weight.TryFormat(digits, out var count, default, CultureInfo.InvariantCulture);
        output.Advance(count);
        output.Write(",\""u8);
        var length = PostingCodec.EncodeTo(postings, output);
        output.Write("\"]"u8);
        return IndexWriter.ShardChars(term, length);
    }

    private static void Separate(ArrayBufferWriter<byte> output, ref int written)
    {
        if (written++ > 0)
        {
            output.Write(","u8);
        }
    }

    /// <summary>Merges <paramref name="added"/> into <paramref name="postings"/>; both are ordered by id and share none.</summary>
    private static void Merge(List<(int DocId, int Impact)> postings, List<(int DocId, int Impact)> added, List<(int DocId, int Impact)> kept)
    {
        kept.Clear();
        kept.AddRange(postings);
        postings.Clear();
        var (i, j) = (0, 0);
        while (i < kept.Count || j < added.Count)
        {
            postings.Add(j == added.Count || (i < kept.Count && kept[i].DocId < added[j].DocId) ? kept[i++] : added[j++]);
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new FormatException("a term shard ends early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new FormatException($"expected {type} at byte {reader.TokenStartIndex} of a term shard.");
        }
    }

    private sealed class Scratch
    {
        public List<Entry> Entries { get; } = [];

        public List<(int DocId, int Impact)> Postings { get; } = [];

        public List<(int DocId, int Impact)> Kept { get; } = [];

        public ArrayBufferWriter<byte> Output { get; } = new(1 << 16);
    }

    /// <summary>One entry of the previous shard: its bytes, its name's (inside the quotes) and its postings'.</summary>
    private readonly record struct Entry(int Start, int End, int NameLength, string? Name, int PostingsStart, int PostingsLength, bool HoldsChanged);
}
