using System.Runtime.CompilerServices;

namespace Publisher.Search.Indexing;

/// <summary>
/// Which term shards hold each document: a row of one bit per document for each shard, bit d of row s set when
/// shard s holds one of document d's terms. A patch reads the bits of the documents it changes to know which
/// shards can hold their old postings, and reads only those shards (and those that get their new terms) instead
/// of every shard: at 50,000 documents (8,192 shards, 130 MB) reading and scanning every shard was 1.2–1.5 s of a
/// one-edit build, and a disclosure item's terms fall in a few hundred shards. The rows cost 2^bits / 8 bytes a
/// document (256 at 10,000 documents, 1 KB at 50,000). A row per shard, not per document, because the writer
/// marks them shard by shard: each shard's postings then set bits in one small row (6 KB at 50,000 documents)
/// instead of one cache line per posting across the whole table.
/// </summary>
internal sealed class ShardRows
{
    /// <summary>No rows above this size (about 500,000 documents at 8,192 shards): a full write is made instead of a patch.</summary>
    private const long MaxBytes = 512L * 1024 * 1024;

    private readonly int _rowBytes;
    private readonly int _shards;

    private ShardRows(Memory<byte> bytes, int documentCount, int bits)
    {
        Bytes = bytes;
        _rowBytes = RowBytes(documentCount);
        _shards = 1 << bits;
    }

    /// <summary>The rows, shard after shard.</summary>
    public Memory<byte> Bytes { get; }

    /// <summary>Empty rows for an index, or null when they would be too large.</summary>
    public static ShardRows? Create(int documentCount, int bits)
    {
        var size = Size(documentCount, bits);
        return size > MaxBytes ? null : new ShardRows(new byte[size], documentCount, bits);
    }

    /// <summary>The rows of a saved state, or null when they are not the rows of <paramref name="documentCount"/> documents and these bits.</summary>
    public static ShardRows? Of(Memory<byte>? bytes, int documentCount, int bits) =>
        bytes is { } rows && rows.Length == Size(documentCount, bits) ? new ShardRows(rows, documentCount, bits) : null;

    /// <summary>Marks every document of the encoded postings in the row of <paramref name="shard"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Mark(ReadOnlySpan<byte> encoded, int shard)
    {
        var row = Bytes.Span.Slice(shard * _rowBytes, _rowBytes);
        var document = -1;
        var position = 0;
        while (position < encoded.Length)
        {
            document = PostingCodec.NextDocument(encoded, ref position, document);
            row[document >> 3] |= (byte)(1 << (document & 7));
        }
    }

    /// <summary>Marks <paramref name="document"/> in the row of <paramref name="shard"/>.</summary>
    public void Mark(int document, int shard) => Bytes.Span[(shard * _rowBytes) + (document >> 3)] |= (byte)(1 << (document & 7));

    /// <summary>Sets <paramref name="shards"/>[s] for every shard whose row marks <paramref name="document"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CopyTo(int document, bool[] shards)
    {
        var bytes = Bytes.Span;
        var (at, bit) = (document >> 3, 1 << (document & 7));
        for (var shard = 0; shard < _shards; shard++)
        {
            shards[shard] |= (bytes[(shard * _rowBytes) + at] & bit) != 0;
        }
    }

    /// <summary>Unmarks <paramref name="document"/> in every row.</summary>
    public void Clear(int document)
    {
        var bytes = Bytes.Span;
        var (at, mask) = (document >> 3, (byte)~(1 << (document & 7)));
        for (var shard = 0; shard < _shards; shard++)
        {
            bytes[(shard * _rowBytes) + at] &= mask;
        }
    }

    private static int RowBytes(int documentCount) => (documentCount + 7) / 8;

    private static long Size(int documentCount, int bits) => (long)RowBytes(documentCount) << bits;
}
