using System.Text;

namespace Publisher.Import.Repair;

/// <summary>
/// Turns half-width punctuation in Chinese context into its full-width form: , : ; ? ! ( ) → ，：；？！（）.
/// A mark between two digits ("3,000", "12:30", "3.5"), or with Latin text on both sides, is left alone;
/// full stops are never changed (decimals, versions, URLs).
/// </summary>
internal static class PunctuationNormalizer
{
    private static readonly Dictionary<char, char> FullWidth = new()
    {
        [','] = '，',
        [':'] = '：',
        [';'] = '；',
        ['?'] = '？',
        ['!'] = '！',
    };

    /// <summary>Returns <paramref name="text"/> with Chinese-context punctuation made full-width.</summary>
    public static string Apply(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (FullWidth.TryGetValue(c, out var wide))
            {
                var before = Neighbour(chars, i, -1);
                var after = Neighbour(chars, i, +1);
                var betweenDigits = char.IsAsciiDigit(before) && char.IsAsciiDigit(after);
                // "100%, 成功": a percentage ends a Chinese clause; the space the PDF left after the mark is skipped.
                var afterPercent = before == '%' && CjkText.IsHan(NextNonSpace(chars, i));
                if (!betweenDigits && (CjkText.IsChinese(before) || afterPercent || (CjkText.IsHan(after) && !CjkText.IsLatinOrDigit(before))))
                {
                    chars[i] = wide;
                }
            }
            else if (c == '(')
            {
                var close = Array.IndexOf(chars, ')', i + 1);
                var nextOpen = Array.IndexOf(chars, '(', i + 1);
                if (close > i && (nextOpen < 0 || nextOpen > close) && ParenthesesAreChinese(chars, i, close))
                {
                    chars[i] = '（';
                    chars[close] = '）';
                }
            }
        }

        FixMixedPairs(chars);
        var result = new string(chars);
        return RemoveSpacesAroundFullWidth(result);
    }

    // "（企业)" and "(企业）": a half-width mark paired with a full-width one takes the full-width form.
    private static void FixMixedPairs(char[] chars)
    {
        var open = new Stack<int>();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '(' or '（')
            {
                open.Push(i);
            }
            else if (chars[i] is ')' or '）' && open.Count > 0)
            {
                var o = open.Pop();
                if (chars[o] == '（' || chars[i] == '）')
                {
                    chars[o] = '（';
                    chars[i] = '）';
                }
            }
        }
    }

    private static bool ParenthesesAreChinese(char[] chars, int open, int close)
    {
        for (var k = open + 1; k < close; k++)
        {
            if (CjkText.IsHan(chars[k]))
            {
                return true;
            }
        }

        var before = Neighbour(chars, open, -1);
        var after = close + 1 < chars.Length ? chars[close + 1] : ' ';
        return CjkText.IsChinese(before) || (open == 0 && CjkText.IsHan(after));
    }

    private static char NextNonSpace(char[] chars, int index)
    {
        var k = index + 1;
        while (k < chars.Length && chars[k] == ' ')
        {
            k++;
        }

        return k < chars.Length ? chars[k] : ' ';
    }

    private static char Neighbour(char[] chars, int index, int step)
    {
        var k = index + step;
        return k >= 0 && k < chars.Length ? chars[k] : ' ';
    }

    private static string RemoveSpacesAroundFullWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' && ((i > 0 && IsWideMark(text[i - 1])) || (i + 1 < text.Length && IsWideMark(text[i + 1]))))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsWideMark(char c) => c is '，' or '：' or '；' or '？' or '！' or '（' or '）' or '。' or '、';
}
