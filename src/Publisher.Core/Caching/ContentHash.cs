using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Publisher.Core.Caching;

/// <summary>
/// Stable content hashes (lower-case hex) for cache keys and output comparison. Bytes are hashed with XXH128:
/// every written page is hashed to decide whether it changed, and XXH128 does that about ten times faster than
/// SHA-256; nothing here needs a cryptographic hash (the cache is the build's own, not an integrity check).
/// Keys made of parts are XXH128 too: a build of 10,000 documents with nothing changed makes about 60,000 of them
/// (page, list, feed and note keys), and SHA-256 through an <c>IncrementalHash</c> with a UTF-8 copy of every part
/// was 7% of its CPU.
/// </summary>
public static class ContentHash
{
    [ThreadStatic]
    private static XxHash128? _parts;

    /// <summary>Hashes bytes.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(XxHash128.Hash(bytes));

    /// <summary>Hashes a sequence of strings; each part is length-prefixed so that ("ab","c") differs from ("a","bc").</summary>
    public static string OfParts(IEnumerable<string> parts)
    {
        // Taken out of the thread's slot while in use: a lazy sequence of parts may itself call this method.
        var hash = _parts ?? new XxHash128();
        _parts = null;
        foreach (var part in parts)
        {
            AppendPart(hash, part);
        }

        Span<byte> digest = stackalloc byte[16];
        hash.GetHashAndReset(digest);
        _parts = hash;
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>
    /// The digest of what <paramref name="hash"/> was given, as hexadecimal (what <see cref="OfParts"/> returns for
    /// the same parts), and the hasher reset for the next: the end of a key hashed field by field.
    /// </summary>
    public static string Digest(XxHash128 hash) => Convert.ToHexStringLower(hash.GetHashAndReset());

    /// <summary>
    /// Adds a length-prefixed string to <paramref name="hash"/> as its UTF-16 code units, without copying; null
    /// (length −1) differs from empty. The step of <see cref="OfParts"/>, for keys hashed field by field.
    /// </summary>
    public static void AppendPart(XxHash128 hash, string? value)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, value?.Length ?? -1);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    /// <summary>Hashes a file's bytes (as <see cref="Of"/> would, read in pieces), or returns a marker when it does not exist.</summary>
    public static string OfFile(string path)
    {
        if (!File.Exists(path))
        {
            return "missing";
        }

        var hash = new XxHash128();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16))
        {
            hash.Append(stream);
        }

        return Digest(hash);
    }
}
