using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Publisher.Search.Tokenization;

/// <summary>
/// The tokenizer's rules (see <see cref="Tokenizer"/>) as a scan that reports terms to a sink instead of making a
/// string per term, for the index writer. Text is NFKC-normalised and lower-cased as a whole, except when every
/// character is one whose normal form does not depend on its neighbours (ASCII, CJK ideographs and the usual
/// Chinese punctuation, see <see cref="IsCharWise"/>): then each character is mapped on its own, in place, which
/// gives the same characters without allocating the normalised copy. Not thread-safe: one scanner per thread.
/// </summary>
internal sealed class TermScanner
{
    /// <summary>
    /// Characters whose NFKC form, lower-cased, is one character that does not combine with its neighbours:
    /// ASCII, CJK unified ideographs, ideographic space and punctuation, full-width ASCII, curly quotes and dashes.
    /// A test checks every one of them against <see cref="string.Normalize(NormalizationForm)"/>.
    /// </summary>
    internal static readonly SearchValues<char> CharWise = SearchValues.Create(CharWiseCharacters());

    private char[] _word = new char[64];
    private bool _followsWord;

    /// <summary>Whether <c>Normalize(FormKC).ToLowerInvariant()</c> of the text is <see cref="Map"/> of each character.</summary>
    public static bool IsCharWise(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(CharWise);

    /// <summary>The normalised, lower-cased form of a character of <see cref="CharWise"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Map(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + 32),
        >= '\uFF21' and <= '\uFF3A' => (char)(c - 0xFEE0 + 32),
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => c,
    };

    /// <summary>Starts a new piece of text: the next word does not pair with an earlier one.</summary>
    public void Begin() => _followsWord = false;

    /// <summary>
    /// Scans one segment, as if a line break separated it from the segment before (so a word may still pair with
    /// the last word of that segment). The text is normalised here.
    /// </summary>
    public void Feed<TSink>(string? text, ref TSink sink)
        where TSink : struct, ITermSink
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (IsCharWise(text))
        {
            Scan(text, mapped: true, ref sink);
        }
        else
        {
            Scan(Tokenizer.Normalize(text), mapped: false, ref sink);
        }
    }

    /// <summary>Scans text that is already normalised (<paramref name="mapped"/> false) or char-wise (true).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Scan<TSink>(ReadOnlySpan<char> text, bool mapped, ref TSink sink)
        where TSink : struct, ITermSink
    {
        var wordLength = 0;
        var previousCjk = -1;
        var previousCjkAt = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int codePoint;
            var width = 1;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, text[i + 1]);
                width = 2;
            }
            else
            {
                if (mapped)
                {
                    c = Map(c);
                }

                codePoint = char.IsSurrogate(c) ? Rune.ReplacementChar.Value : c;
            }

            if (Tokenizer.IsCjk(codePoint))
            {
                if (wordLength > 0)
                {
                    EndWord(ref wordLength, ref sink);
                }

                // Char-wise CJK characters map to themselves, so the text slices are the normalised terms.
                if (previousCjk >= 0)
                {
                    sink.Bigram(previousCjk, codePoint, text[previousCjkAt..(i + width)]);
                }

                sink.Character(codePoint, text.Slice(i, width));

                previousCjk = codePoint;
                previousCjkAt = i;
                _followsWord = false;
            }
            else if (Tokenizer.IsWord(codePoint))
            {
                previousCjk = -1;
                if (wordLength + width > _word.Length)
                {
                    Array.Resize(ref _word, _word.Length * 2);
                }

                _word[wordLength++] = c;
                if (width == 2)
                {
                    _word[wordLength++] = text[i + 1];
                }
            }
            else
            {
                previousCjk = -1;
                if (wordLength > 0)
                {
                    EndWord(ref wordLength, ref sink);
                }

                if (!Tokenizer.IsSpace(codePoint))
                {
                    _followsWord = false;
                }
            }

            i += width;
        }

        if (wordLength > 0)
        {
            EndWord(ref wordLength, ref sink);
        }
    }

    private static string CharWiseCharacters()
    {
        var builder = new StringBuilder();
        for (var c = '\0'; c < '\u0080'; c++)
        {
            builder.Append(c);
        }

        for (var c = '\u3400'; c <= '\u4DBF'; c++)
        {
            builder.Append(c);
        }

        for (var c = '\u4E00'; c <= '\u9FFF'; c++)
        {
            builder.Append(c);
        }

        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            builder.Append(c);
        }

        // Ideographic space, 、 。 〈 〉 《 》 「 」 『 』 【 】 〔 〕 〖 〗 〘 〙 〚 〛 〜, ‐ – — ‘ ’ “ ” ·
        builder.Append("\u3000\u3001\u3002\u3008\u3009\u300A\u300B\u300C\u300D\u300E\u300F\u3010\u3011\u3014\u3015\u3016\u3017\u3018\u3019\u301A\u301B\u301C");
        builder.Append("\u2010\u2013\u2014\u2018\u2019\u201C\u201D\u00B7");
        return builder.ToString();
    }

    private void EndWord<TSink>(ref int wordLength, ref TSink sink)
        where TSink : struct, ITermSink
    {
        sink.Word(_word.AsSpan(0, wordLength), _followsWord);
        _followsWord = true;
        wordLength = 0;
    }
}
