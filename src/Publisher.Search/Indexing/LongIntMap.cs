using System.Runtime.CompilerServices;

namespace Publisher.Search.Indexing;

/// <summary>
/// A map from non-zero 64-bit keys to numbers: open addressing with linear probing in two flat arrays. Faster
/// than a <see cref="Dictionary{TKey,TValue}"/> for the index writer's hottest lookup (a CJK bigram per character).
/// </summary>
internal sealed class LongIntMap
{
    private long[] _keys = new long[1 << 12];
    private int[] _values = new int[1 << 12];
    private int _shift = 64 - 12;
    private int _count;

    /// <summary>The number stored under <paramref name="key"/>, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Get(long key)
    {
        var mask = _keys.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            var k = _keys[i];
            if (k == key)
            {
                return _values[i];
            }

            if (k == 0)
            {
                return -1;
            }
        }
    }

    /// <summary>Stores a number under a key that is not in the map yet.</summary>
    public void Add(long key, int value)
    {
        if (2 * (_count + 1) > _keys.Length)
        {
            Grow();
        }

        Insert(key, value);
        _count++;
    }

    private int Slot(long key) => (int)((ulong)(key * -7046029254386353131L) >> _shift);

    private void Insert(long key, int value)
    {
        var mask = _keys.Length - 1;
        var i = Slot(key);
        while (_keys[i] != 0)
        {
            i = (i + 1) & mask;
        }

        _keys[i] = key;
        _values[i] = value;
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new long[keys.Length * 2];
        _values = new int[keys.Length * 2];
        _shift--;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                Insert(keys[i], values[i]);
            }
        }
    }
}
