using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace Publisher.Core.Caching;

/// <summary>
/// Stable content hashes (lower-case hex) for cache keys and output comparison. Bytes are hashed with XXH128:
/// every written page is hashed to decide whether it changed, and XXH128 does that about ten times faster than
/// SHA-256; nothing here needs a cryptographic hash (the cache is the build's own, not an integrity check).
/// Keys made of parts stay SHA-256 (short inputs, computed rarely).
/// </summary>
public static class ContentHash
{
    /// <summary>Hashes bytes.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(XxHash128.Hash(bytes));

    /// <summary>Hashes a sequence of strings; each part is length-prefixed so that ("ab","c") differs from ("a","bc").</summary>
    public static string OfParts(IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Hashes a file's bytes, or returns a marker when it does not exist.</summary>
    public static string OfFile(string path) => File.Exists(path) ? Of(File.ReadAllBytes(path)) : "missing";
}
