using System.Text.RegularExpressions;

namespace Publisher.Import.Repair;

/// <summary>
/// Removes the spaces a PDF puts between Han characters, between Han and digits ("2021 年 12 月" → "2021年12月")
/// and around full-width punctuation. Spaces between Latin words, and between Han and Latin words, stay.
/// </summary>
internal static partial class CjkSpacing
{
    /// <summary>Returns <paramref name="text"/> without the spurious spaces.</summary>
    public static string Apply(string text)
    {
        // Two passes: a match consumes the character after the space, so "年 12 月" needs the second.
        var once = SpuriousSpace().Replace(text, string.Empty);
        return SpuriousSpace().Replace(once, string.Empty);
    }

    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}〇\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20“”‘’…])[ \t\u00A0\u3000]+(?=[\p{IsCJKUnifiedIdeographs}〇\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20“”‘’…0-9])|(?<=[0-9%])[ \t\u00A0\u3000]+(?=[\p{IsCJKUnifiedIdeographs}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20“”‘’…])")]
    private static partial Regex SpuriousSpace();
}
