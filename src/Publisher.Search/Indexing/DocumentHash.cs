using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Publisher.Search.Indexing;

/// <summary>
/// A hash of every field of a <see cref="SearchDocument"/> the index is made from (all but
/// <see cref="SearchDocument.AnalysisKey"/>): two documents with the same hash give the same postings and record.
/// </summary>
internal static class DocumentHash
{
    /// <summary>The hashes of <paramref name="documents"/>, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static UInt128[] All(IReadOnlyList<SearchDocument> documents)
    {
        var hashes = new UInt128[documents.Count];
        var hash = new XxHash128();
        for (var id = 0; id < documents.Count; id++)
        {
            hashes[id] = Of(documents[id], hash);
        }

        return hashes;
    }

    private static UInt128 Of(SearchDocument document, XxHash128 hash)
    {
        hash.Reset();
        Append(hash, document.Url);
        Append(hash, document.Title);
        Append(hash, document.Body);
        Append(hash, document.Summary);
        Append(hash, document.Office);
        Append(hash, document.OfficeName);
        Append(hash, document.Year is { } year ? year.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Append(hash, document.Kind);
        Append(hash, document.KindName);
        Append(hash, document.DocNumber);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The field's length (−1 for none) and then its UTF-16 code units, so no two field lists run together.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Append(XxHash128 hash, string? field)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, field?.Length ?? -1);
        hash.Append(length);
        if (field is not null)
        {
            hash.Append(MemoryMarshal.AsBytes(field.AsSpan()));
        }
    }
}
