using System.Runtime.CompilerServices;

namespace Publisher.Search.Indexing;

/// <summary>
/// The posting list of every term, kept already encoded as <see cref="PostingCodec"/> writes it (one ASCII byte
/// per digit), appended to in increasing document order: about two bytes a posting, with no list of tuples to
/// grow, copy and encode at the end.
/// </summary>
internal sealed class PostingLists
{
    private byte[][] _data = [];
    private int[] _length = [];
    private int[] _last = [];
    private int[] _documentFrequency = [];

    /// <summary>How many documents a term is in.</summary>
    public int DocumentFrequency(int term) => _documentFrequency[term];

    /// <summary>The encoded postings of a term.</summary>
    public ReadOnlySpan<byte> Encoded(int term) => _data[term].AsSpan(0, _length[term]);

    /// <summary>Adds a document to a term's postings; documents come in increasing order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int term, int document, int impact)
    {
        if (term >= _data.Length)
        {
            Grow(term);
        }

        var data = _data[term];
        var length = _length[term];
        if (data.Length - length < 8)
        {
            Array.Resize(ref data, Math.Max(8, data.Length * 2));
            _data[term] = data;
        }

        var gap = document - _last[term];
        do
        {
            var digit = gap & 31;
            gap >>= 5;
            data[length++] = (byte)PostingCodec.Alphabet[gap > 0 ? digit | 32 : digit];
        }
        while (gap > 0);

        data[length++] = (byte)PostingCodec.Alphabet[Math.Clamp(impact, 1, PostingCodec.MaxImpact)];
        _length[term] = length;
        _last[term] = document;
        _documentFrequency[term]++;
    }

    private void Grow(int term)
    {
        var size = Math.Max(term + 1, Math.Max(1024, _data.Length * 2));
        var old = _data.Length;
        Array.Resize(ref _data, size);
        Array.Resize(ref _length, size);
        Array.Resize(ref _last, size);
        Array.Resize(ref _documentFrequency, size);
        Array.Fill(_data, [], old, size - old);
        Array.Fill(_last, -1, old, size - old);
    }
}
