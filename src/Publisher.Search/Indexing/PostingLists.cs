using System.Runtime.CompilerServices;

namespace Publisher.Search.Indexing;

/// <summary>
/// The posting list of every term, kept already encoded as <see cref="PostingCodec"/> writes it (one ASCII byte
/// per digit), appended to in increasing document order: about two bytes a posting, with no list of tuples to
/// grow, copy and encode at the end. Most terms of a Chinese corpus (character pairs) occur in a handful of
/// documents, so a list lives in a slice of a shared block (16 bytes at first, doubled as it grows; the slice it
/// outgrows is left behind), and only a list longer than <see cref="MaxSliceBytes"/> gets an array of its own.
/// An array per term made a 10,000-document index allocate millions of small arrays, and zeroing them (memset)
/// was a fifth of the index's CPU samples; blocks are allocated without zeroing, since no byte is read before it
/// is written.
/// </summary>
internal sealed class PostingLists
{
    private const int FirstSliceBytes = 16;
    private const int MaxSliceBytes = 4096;
    private const int BlockShift = 20;
    private const int BlockBytes = 1 << BlockShift;

    private readonly List<byte[]> _blocks = [];
    private int _used = BlockBytes;
    private byte[]?[] _data = [];
    private long[] _slice = [];
    private int[] _capacity = [];
    private int[] _length = [];
    private int[] _last = [];
    private int[] _first = [];
    private int[] _documentFrequency = [];

    /// <summary>How many documents a term is in.</summary>
    public int DocumentFrequency(int term) => term < _documentFrequency.Length ? _documentFrequency[term] : 0;

    /// <summary>The encoded postings of a term.</summary>
    public ReadOnlySpan<byte> Encoded(int term) => _data[term] is { } data ? data.AsSpan(0, _length[term]) : Slice(term)[.._length[term]];

    /// <summary>Adds a document to a term's postings; documents come in increasing order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int term, int document, int impact)
    {
        if (term >= _data.Length)
        {
            Grow(term);
        }

        var length = _length[term];
        var data = Writable(term, length, 8);
        if (_documentFrequency[term] == 0)
        {
            _first[term] = document;
        }

        _length[term] = PostingCodec.WritePosting(data, length, document - _last[term], impact);
        _last[term] = document;
        _documentFrequency[term]++;
    }

    /// <summary>
    /// Appends the postings of <paramref name="otherTerm"/> in <paramref name="other"/>, whose documents all come
    /// after this term's: the first gap is written again from this term's last document, the rest is copied.
    /// </summary>
    public void Append(int term, PostingLists other, int otherTerm)
    {
        if (term >= _data.Length)
        {
            Grow(term);
        }

        var encoded = other.Encoded(otherTerm);
        var firstLength = 0;
        while ((Digit(encoded[firstLength++]) & 32) != 0)
        {
        }

        var first = other._first[otherTerm];
        var length = _length[term];
        var data = Writable(term, length, encoded.Length + 8);
        if (_documentFrequency[term] == 0)
        {
            _first[term] = first;
        }

        length = WriteNumber(data, length, first - _last[term]);
        encoded[firstLength..].CopyTo(data[length..]);
        _length[term] = length + encoded.Length - firstLength;
        _last[term] = other._last[otherTerm];
        _documentFrequency[term] += other._documentFrequency[otherTerm];
    }

    /// <summary>The term's storage with room for <paramref name="needed"/> more bytes after <paramref name="length"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Span<byte> Writable(int term, int length, int needed)
    {
        var data = _data[term];
        if (data is not null)
        {
            if (data.Length - length < needed)
            {
                Array.Resize(ref data, Math.Max(2 * data.Length, length + needed + 8));
                _data[term] = data;
            }

            return data;
        }

        var capacity = _capacity[term];
        if (length + needed <= capacity)
        {
            return Slice(term);
        }

        var wanted = Math.Max(Math.Max(2 * capacity, FirstSliceBytes), length + needed + 8);
        ReadOnlySpan<byte> written = capacity == 0 ? [] : Slice(term)[..length];
        if (wanted > MaxSliceBytes)
        {
            data = new byte[wanted];
            written.CopyTo(data);
            _data[term] = data;
            return data;
        }

        if (_used + wanted > BlockBytes)
        {
            _blocks.Add(GC.AllocateUninitializedArray<byte>(BlockBytes));
            _used = 0;
        }

        _slice[term] = ((long)(_blocks.Count - 1) << BlockShift) | (uint)_used;
        _capacity[term] = wanted;
        _used += wanted;
        var slice = Slice(term);
        written.CopyTo(slice);
        return slice;
    }

    private Span<byte> Slice(int term)
    {
        var slice = _slice[term];
        return _blocks[(int)(slice >> BlockShift)].AsSpan((int)(slice & (BlockBytes - 1)), _capacity[term]);
    }

    private static int Digit(byte b) => PostingCodec.Alphabet.IndexOf((char)b, StringComparison.Ordinal);

    private static int WriteNumber(Span<byte> data, int length, int value)
    {
        do
        {
            var digit = value & 31;
            value >>= 5;
            data[length++] = (byte)PostingCodec.Alphabet[value > 0 ? digit | 32 : digit];
        }
        while (value > 0);

        return length;
    }

    private void Grow(int term)
    {
        var size = Math.Max(term + 1, Math.Max(1024, _data.Length * 2));
        var old = _data.Length;
        Array.Resize(ref _data, size);
        Array.Resize(ref _slice, size);
        Array.Resize(ref _capacity, size);
        Array.Resize(ref _length, size);
        Array.Resize(ref _last, size);
        Array.Resize(ref _first, size);
        Array.Resize(ref _documentFrequency, size);
        Array.Fill(_last, -1, old, size - old);
    }
}
