using System.Runtime.CompilerServices;
using System.Text;

namespace Publisher.Search.Indexing;

/// <summary>Which shard holds a term: the top bits of the term's 32-bit FNV-1a hash over its UTF-8 bytes.</summary>
internal static class TermHash
{
    /// <summary>The FNV-1a hash of the term's UTF-8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Fnv1A(string term)
    {
        var size = Encoding.UTF8.GetMaxByteCount(term.Length);
        Span<byte> bytes = size <= 256 ? stackalloc byte[size] : new byte[size];
        bytes = bytes[..Encoding.UTF8.GetBytes(term, bytes)];
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= 16777619u;
        }

        return hash;
    }

    /// <summary>The shard number of a term when the index has 2^<paramref name="bits"/> shards.</summary>
    public static int Shard(string term, int bits) => bits == 0 ? 0 : (int)(Fnv1A(term) >> (32 - bits));

    /// <summary>The shard's file name, without folder: hexadecimal, one digit per four bits.</summary>
    public static string ShardName(int shard, int bits) =>
        shard.ToString("x" + Math.Max(1, (bits + 3) / 4), System.Globalization.CultureInfo.InvariantCulture);
}
