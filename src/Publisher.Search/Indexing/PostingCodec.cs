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
