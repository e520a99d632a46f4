using System.Runtime.CompilerServices;
using Publisher.Search.Tokenization;

namespace Publisher.Search.Indexing;

/// <summary>
/// Gives every distinct term of an index a number, built once while documents are scanned: CJK characters and
/// bigrams are looked up by their code points and words by their characters, so a term already seen costs no
/// string. A word's stem is remembered per spelling, and a word pair per pair of stems. Not thread-safe.
/// </summary>
internal sealed class TermTable
{
    private readonly List<string> _terms = [];
    private readonly List<long> _keys = [];
    private readonly int[] _bmpCharacters = new int[char.MaxValue + 1];
    private readonly LongIntMap _codePoints = new();
    private readonly Dictionary<string, int> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _textBySpan;
    private readonly Dictionary<string, int> _stems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stemsBySpan;
    private readonly LongIntMap _pairs = new();

    /// <summary>Creates an empty table.</summary>
    public TermTable()
    {
        _textBySpan = _text.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemsBySpan = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many terms there are; their numbers are 0 to Count − 1.</summary>
    public int Count => _terms.Count;

    /// <summary>The terms' texts, by number.</summary>
    public IReadOnlyList<string> Terms => _terms;

    /// <summary>The text of a term.</summary>
    public string this[int id] => _terms[id];

    /// <summary>The number of a single CJK character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Character(int codePoint, ReadOnlySpan<char> text)
    {
        if (codePoint <= char.MaxValue)
        {
            ref var slot = ref _bmpCharacters[codePoint];
            if (slot == 0)
            {
                slot = Add(text.ToString(), codePoint) + 1;
            }

            return slot - 1;
        }

        return ByCodePoints(codePoint, text);
    }

    /// <summary>The number of a CJK bigram.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Bigram(int first, int second, ReadOnlySpan<char> text) => ByCodePoints(((long)(first + 1) << 21) | (uint)second, text);

    /// <summary>The number of a term given as text (a document-number key, a facet).</summary>
    public int Text(ReadOnlySpan<char> text)
    {
        if (_textBySpan.TryGetValue(text, out var id))
        {
            return id;
        }

        return AddText(text.ToString());
    }

    /// <summary>
    /// How the table found a term, so that another table can find it the same way (<see cref="Recall"/>): the
    /// code-point key of a CJK character or bigram, or −1 for a term found by its text.
    /// </summary>
    public long KeyOf(int id) => _keys[id];

    /// <summary>The number of a term another table found with <paramref name="key"/> (<see cref="KeyOf"/>) and <paramref name="text"/>.</summary>
    public int Recall(long key, string text)
    {
        if (key < 0)
        {
            return _textBySpan.TryGetValue(text, out var id) ? id : AddText(text);
        }

        return key <= char.MaxValue ? Character((int)key, text) : ByCodePoints(key, text);
    }

    /// <summary>The number of the stem of a normalised word.</summary>
    public int Stem(ReadOnlySpan<char> word)
    {
        if (_stemsBySpan.TryGetValue(word, out var id))
        {
            return id;
        }

        var spelling = word.ToString();
        id = Text(LightStemmer.Stem(spelling));
        _stems.Add(spelling, id);
        return id;
    }

    /// <summary>The number of the pair term <c>"first second"</c> of two stems.</summary>
    public int Pair(int first, int second)
    {
        var key = ((long)(first + 1) << 32) | (uint)second;
        var id = _pairs.Get(key);
        if (id < 0)
        {
            id = Text(_terms[first] + " " + _terms[second]);
            _pairs.Add(key, id);
        }

        return id;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ByCodePoints(long key, ReadOnlySpan<char> text)
    {
        var id = _codePoints.Get(key);
        if (id < 0)
        {
            id = Add(text.ToString(), key);
            _codePoints.Add(key, id);
        }

        return id;
    }

    private int AddText(string term)
    {
        var id = Add(term, -1);
        _text.Add(term, id);
        return id;
    }

    private int Add(string term, long key)
    {
        _terms.Add(term);
        _keys.Add(key);
        return _terms.Count - 1;
    }
}
