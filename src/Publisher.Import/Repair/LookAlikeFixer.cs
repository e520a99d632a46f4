using System.Text;

namespace Publisher.Import.Repair;

/// <summary>
/// Replaces characters that look like Han ideographs but are not, when they stand in Chinese context:
/// katakana ロ (U+30ED) for 口, katakana ー and the box-drawing ─ for 一, katakana エ for 工, katakana カ for 力,
/// katakana タ for 夕, and the Kangxi radicals (U+2F00–U+2FDF, which PDF fonts often emit) for the ideographs
/// they look like (by Unicode compatibility mapping).
/// </summary>
internal static class LookAlikeFixer
{
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['ロ'] = '口',
        ['ー'] = '一',
        ['─'] = '一',
        ['エ'] = '工',
        ['カ'] = '力',
        ['タ'] = '夕',
    };

    /// <summary>Returns <paramref name="text"/> with look-alikes replaced.</summary>
    public static string Apply(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '\u2F00' and <= '\u2FDF')
            {
                builder.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else if (LookAlikes.TryGetValue(c, out var han) && InHanContext(text, i))
            {
                builder.Append(han);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // Japanese text has kana on both sides; a lone kana between Han characters is a look-alike.
    private static bool InHanContext(string text, int index)
    {
        var before = index > 0 ? text[index - 1] : ' ';
        var after = index + 1 < text.Length ? text[index + 1] : ' ';
        var beforeHan = CjkText.IsHan(before) || CjkText.IsCjkPunctuation(before);
        var afterHan = CjkText.IsHan(after) || CjkText.IsCjkPunctuation(after);
        return (beforeHan && afterHan) || (CjkText.IsHan(before) && !IsKana(after)) || (CjkText.IsHan(after) && !IsKana(before));
    }

    private static bool IsKana(char c) => c is >= '\u3040' and <= '\u30FF';
}
