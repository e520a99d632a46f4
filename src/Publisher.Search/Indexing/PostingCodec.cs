using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Publisher.Search.Indexing;

/// <summary>
/// Writes and reads a posting list as text: for each document, in increasing id order, the gap from the previous
/// id as a variable-length number, then the term's impact (1–31) as one character. Digits are the 64 URL-safe
/// Base64 characters; 5 bits each, the sixth bit says "more follows". A term found in every document costs two
/// characters per document, and the text compresses well under the host's gzip.
/// </summary>
internal static class PostingCodec
{
    /// <summary>The digit alphabet.</summary>
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>The largest impact a posting can carry.</summary>
    public const int MaxImpact = 31;

    private static readonly sbyte[] Digits = DigitTable();

    /// <summary>Encodes postings ordered by document id.</summary>
    public static string Encode(IEnumerable<(int DocId, int Impact)> postings)
    {
        var builder = new StringBuilder();
        var previous = -1;
        foreach (var (docId, impact) in postings)
        {
            WriteNumber(builder, docId - previous);
            builder.Append(Alphabet[Math.Clamp(impact, 1, MaxImpact)]);
            previous = docId;
        }

        return builder.ToString();
    }

    /// <summary>Decodes postings written by <see cref="Encode"/>.</summary>
    /// <exception cref="FormatException">The text is not a posting list.</exception>
    public static List<(int DocId, int Impact)> Decode(string text)
    {
        var postings = new List<(int, int)>();
        var i = 0;
        var docId = -1;
        while (i < text.Length)
        {
            var gap = 0;
            var shift = 0;
            int digit;
            do
            {
                digit = Digit(text, i++);
                gap |= (digit & 31) << shift;
                shift += 5;
            }
            while ((digit & 32) != 0);

            docId += gap;
            postings.Add((docId, Digit(text, i++)));
        }

        return postings;
    }

    /// <summary>Decodes encoded postings (ASCII bytes, as in a shard file) into <paramref name="into"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a posting list.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(ReadOnlySpan<byte> encoded, List<(int DocId, int Impact)> into)
    {
        var docId = -1;
        var i = 0;
        while (i < encoded.Length)
        {
            docId += ReadGap(encoded, ref i);
            into.Add((docId, Digit(encoded, i++)));
        }
    }

    /// <summary>
    /// The next document of encoded postings: reads from <paramref name="position"/> (moved past the posting) the
    /// gap after <paramref name="previous"/> (−1 before the first) and skips the impact.
    /// </summary>
    /// <exception cref="FormatException">The bytes are not a posting list.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int NextDocument(ReadOnlySpan<byte> encoded, ref int position, int previous)
    {
        var document = previous + ReadGap(encoded, ref position);
        Digit(encoded, position++);
        return document;
    }

    /// <summary>
    /// True when the postings hold a document marked in <paramref name="documents"/>, the last of which is
    /// <paramref name="lastMarked"/>: postings are in id order, so the decoding stops past it (a term of a common
    /// character has a posting for most of the documents, and an edited document is seldom the last).
    /// </summary>
    /// <exception cref="FormatException">The bytes are not a posting list, or name a document past the marks.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool HoldsAny(ReadOnlySpan<byte> encoded, bool[] documents, int lastMarked)
    {
        var docId = -1;
        var i = 0;
        while (i < encoded.Length)
        {
            docId += ReadGap(encoded, ref i);
            i++;
            if (docId > lastMarked)
            {
                return false;
            }

            if ((uint)docId >= (uint)documents.Length)
            {
                throw new FormatException($"posting of document {docId} in an index of {documents.Length}.");
            }

            if (documents[docId])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends the encoding of <paramref name="postings"/> (ordered by id) to <paramref name="output"/>; returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int EncodeTo(List<(int DocId, int Impact)> postings, ArrayBufferWriter<byte> output)
    {
        var span = output.GetSpan((8 * postings.Count) + 1);
        var length = 0;
        var previous = -1;
        foreach (var (docId, impact) in postings)
        {
            length = WritePosting(span, length, docId - previous, impact);
            previous = docId;
        }

        output.Advance(length);
        return length;
    }

    /// <summary>Writes one posting (its gap, then its impact) as ASCII digits at <paramref name="length"/>; returns the new length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WritePosting(Span<byte> data, int length, int gap, int impact)
    {
        do
        {
            var digit = gap & 31;
            gap >>= 5;
            data[length++] = (byte)Alphabet[gap > 0 ? digit | 32 : digit];
        }
        while (gap > 0);

        data[length++] = (byte)Alphabet[Math.Clamp(impact, 1, MaxImpact)];
        return length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ReadGap(ReadOnlySpan<byte> encoded, ref int i)
    {
        var gap = 0;
        var shift = 0;
        int digit;
        do
        {
            digit = Digit(encoded, i++);
            gap |= (digit & 31) << shift;
            shift += 5;
        }
        while ((digit & 32) != 0 && shift < 31);

        return gap;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digit(ReadOnlySpan<byte> encoded, int index)
    {
        var value = (uint)index < (uint)encoded.Length && encoded[index] < 128 ? Digits[encoded[index]] : -1;
        return value >= 0 ? value : NotAPostingList(index);
    }

    private static int NotAPostingList(int index) => throw new FormatException($"not a posting list (byte {index + 1}).");

    private static sbyte[] DigitTable()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (var digit = 0; digit < Alphabet.Length; digit++)
        {
            table[Alphabet[digit]] = (sbyte)digit;
        }

        return table;
    }

    private static void WriteNumber(StringBuilder builder, int value)
    {
        do
        {
            var digit = value & 31;
            value >>= 5;
            builder.Append(Alphabet[value > 0 ? digit | 32 : digit]);
        }
        while (value > 0);
    }

    private static int Digit(string text, int index)
    {
        var value = index < text.Length ? Alphabet.IndexOf(text[index], StringComparison.Ordinal) : -1;
        return value >= 0 ? value : throw new FormatException($"not a posting list (character {index + 1}).");
    }
}
