using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;

namespace Publisher.Search.Tokenization;

/// <summary>
/// Splits text into index terms. Text is NFKC-normalised (full-width digits and letters become ASCII) and
/// lower-cased. A run of CJK characters gives every overlapping character bigram and every single character;
/// a run of Latin letters and digits gives one word, stemmed by <see cref="LightStemmer"/>, and two words
/// separated only by spaces or a hyphen also give the pair term <c>"a b"</c> for the adjacency bonus. A document
/// number gives a key of its letters, digits and characters (<c>#石办202034号</c>). <c>search.js</c> implements
/// the same rules; keep both in step.
/// </summary>
public static class Tokenizer
{
    private enum Kind
    {
        Other,
        Space,
        Cjk,
        Word,
    }

    /// <summary>The terms a piece of document text contributes to the index, in order, repeats included.</summary>
    public static IEnumerable<string> IndexTerms(string text)
    {
        var sink = new ListSink([]);
        var scanner = new TermScanner();
        scanner.Begin();
        scanner.Feed(text, ref sink);
        return sink.Terms;
    }

    /// <summary>The key a document number is indexed under: <c>石办〔2020〕34号</c> gives <c>#石办202034号</c>.</summary>
    public static string? DocNumberKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder("#");
        var hasDigit = false;
        foreach (var (kind, run) in Runs(Normalize(text)))
        {
            if (kind is Kind.Cjk or Kind.Word)
            {
                foreach (var part in run)
                {
                    builder.Append(part);
                    hasDigit |= part.Any(char.IsAsciiDigit);
                }
            }
        }

        return hasDigit ? builder.ToString() : null;
    }

    /// <summary>Turns a query into the terms to look up.</summary>
    public static QueryTerms Query(string query)
    {
        var required = new List<string>();
        var pairs = new List<string>();
        var highlights = new List<string>();
        string? previousWord = null;
        foreach (var (kind, run) in Runs(Normalize(query)))
        {
            switch (kind)
            {
                case Kind.Cjk:
                    highlights.Add(string.Concat(run));
                    if (run.Count == 1)
                    {
                        required.Add(run[0]);
                    }

                    for (var i = 0; i + 1 < run.Count; i++)
                    {
                        required.Add(run[i] + run[i + 1]);
                        highlights.Add(run[i] + run[i + 1]);
                    }

                    previousWord = null;
                    break;
                case Kind.Word:
                    var raw = string.Concat(run);
                    var word = LightStemmer.Stem(raw);
                    required.Add(word);
                    highlights.Add(raw);
                    highlights.Add(word);
                    if (previousWord is not null)
                    {
                        pairs.Add(previousWord + " " + word);
                    }

                    previousWord = word;
                    break;
                case Kind.Space:
                    break;
                default:
                    previousWord = null;
                    break;
            }
        }

        highlights.Add(Normalize(query).Trim());
        return new QueryTerms(
            [.. required.Distinct(StringComparer.Ordinal)],
            [.. pairs.Distinct(StringComparer.Ordinal).Where(p => !required.Contains(p, StringComparer.Ordinal))],
            DocNumberKey(query),
            [.. highlights.Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(h => h.Length).ThenBy(h => h, StringComparer.Ordinal)]);
    }

    /// <summary>NFKC, then lower case: what both the index and the queries see.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>Whether a code point is written without spaces between words (Han, kana, Hangul).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsCjk(int c) =>
        c is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x3FFFF) or (>= 0x3040 and <= 0x30FF) or (>= 0xAC00 and <= 0xD7AF);

    /// <summary>Whether a code point belongs in a word: ASCII letters and digits, and Latin letters with accents.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsWord(int c) =>
        c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or (>= 0xDF and <= 0x24F and not 0xF7);

    /// <summary>Whether a code point separates words without breaking a word pair: spaces, line breaks, hyphens.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsSpace(int c) => c is ' ' or '\t' or '\n' or '\r' or '-';

    private static IEnumerable<(Kind Kind, List<string> Run)> Runs(string text)
    {
        var run = new List<string>();
        var current = Kind.Space;
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            var kind = IsCjk(c) ? Kind.Cjk : IsWord(c) ? Kind.Word : IsSpace(c) ? Kind.Space : Kind.Other;
            if (kind != current)
            {
                yield return (current, run);
                run = [];
                current = kind;
            }

            if (kind is Kind.Cjk or Kind.Word)
            {
                run.Add(rune.ToString());
            }
        }

        yield return (current, run);
    }

    /// <summary>Collects the terms as strings, in order.</summary>
    private struct ListSink(List<string> terms) : ITermSink
    {
        private string? _previousWord;

        public readonly List<string> Terms => terms;

        public readonly void Character(int codePoint, ReadOnlySpan<char> text) => terms.Add(text.ToString());

        public readonly void Bigram(int first, int second, ReadOnlySpan<char> text) => terms.Add(text.ToString());

        public void Word(ReadOnlySpan<char> word, bool followsWord)
        {
            var stem = LightStemmer.Stem(word.ToString());
            terms.Add(stem);
            if (followsWord)
            {
                terms.Add(_previousWord + " " + stem);
            }

            _previousWord = stem;
        }
    }
}
