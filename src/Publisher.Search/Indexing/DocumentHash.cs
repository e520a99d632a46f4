using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Publisher.Search.Indexing;

/// <summary>
/// A hash of every field of a <see cref="SearchDocument"/> the index is made from: two documents with the same
/// hash give the same postings and record. The body is hashed as its <see cref="SearchDocument.AnalysisKey"/>
/// when there is one (which by its contract changes whenever the body does), so telling which documents changed
/// reads no body.
/// </summary>
internal static class DocumentHash
{
    // Set apart from any body text: a body and an analysis key are never hashed alike.
    private const string AnalysisKeyMarker = "\u0000analysis-key";

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
        if (document.AnalysisKey is { } analysisKey)
        {
            Append(hash, AnalysisKeyMarker);
            Append(hash, analysisKey);
        }
        else
        {
            Append(hash, document.Body);
        }

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
