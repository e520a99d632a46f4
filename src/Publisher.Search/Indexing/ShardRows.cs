using System.Runtime.CompilerServices;

namespace Publisher.Search.Indexing;

/// <summary>
/// Which term shards hold each document: one row of 2^bits bits per document, bit s set when shard s holds one
/// of its terms. A patch reads the rows of the documents it changes to know which shards can hold their old
/// postings, and reads only those shards (and those that get their new terms) instead of every shard: at
/// 50,000 documents (8,192 shards, 130 MB) reading and scanning every shard was 1.2–1.5 s of a one-edit build,
/// and a disclosure item's terms fall in a few hundred shards. The rows cost 2^bits / 8 bytes a document
/// (256 at 10,000 documents, 1 KB at 50,000).
/// </summary>
internal sealed class ShardRows
{
    /// <summary>No rows above this size (about 500,000 documents at 8,192 shards): a full write is made instead of a patch.</summary>
    private const long MaxBytes = 512L * 1024 * 1024;

    private readonly int _rowBytes;

    private ShardRows(Memory<byte> bytes, int bits)
    {
        Bytes = bytes;
        _rowBytes = RowBytes(bits);
    }

    /// <summary>The rows, document after document.</summary>
    public Memory<byte> Bytes { get; }

    /// <summary>Empty rows for an index, or null when they would be too large.</summary>
    public static ShardRows? Create(int documentCount, int bits)
    {
        var size = (long)documentCount * RowBytes(bits);
        return size > MaxBytes ? null : new ShardRows(new byte[size], bits);
    }

    /// <summary>The rows of a saved state, or null when they are not the rows of <paramref name="documentCount"/> documents and these bits.</summary>
    public static ShardRows? Of(Memory<byte>? bytes, int documentCount, int bits) =>
        bytes is { } rows && rows.Length == (long)documentCount * RowBytes(bits) ? new ShardRows(rows, bits) : null;

    /// <summary>Bytes a row takes.</summary>
    public static int RowBytes(int bits) => Math.Max(1, (1 << bits) / 8);

    /// <summary>Marks shard <paramref name="shard"/> in the row of every document of the encoded postings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Mark(ReadOnlySpan<byte> encoded, int shard)
    {
        var bytes = Bytes.Span;
        var document = -1;
        var position = 0;
        while (position < encoded.Length)
        {
            document = PostingCodec.NextDocument(encoded, ref position, document);
            bytes[(document * _rowBytes) + (shard >> 3)] |= (byte)(1 << (shard & 7));
        }
    }

    /// <summary>Marks shard <paramref name="shard"/> in the row of <paramref name="document"/>.</summary>
    public void Mark(int document, int shard) => Bytes.Span[(document * _rowBytes) + (shard >> 3)] |= (byte)(1 << (shard & 7));

    /// <summary>Sets <paramref name="shards"/>[s] for every shard in the row of <paramref name="document"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyTo(int document, bool[] shards)
    {
        var row = Bytes.Span.Slice(document * _rowBytes, _rowBytes);
        for (var shard = 0; shard < shards.Length; shard++)
        {
            shards[shard] |= (row[shard >> 3] & (1 << (shard & 7))) != 0;
        }
    }

    /// <summary>Clears the row of <paramref name="document"/>.</summary>
    public void Clear(int document) => Bytes.Span.Slice(document * _rowBytes, _rowBytes).Clear();
}
