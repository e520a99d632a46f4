namespace Publisher.Import.Repair;

/// <summary>Character classes the repair rules share.</summary>
internal static class CjkText
{
    /// <summary>A Han ideograph (CJK unified ideographs, extension A, compatibility) or 〇.</summary>
    public static bool IsHan(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or '〇';

    /// <summary>Full-width CJK punctuation that may sit next to Han text.</summary>
    public static bool IsCjkPunctuation(char c) =>
        c is (>= '\u3000' and <= '\u303F') or (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20')
            or '“' or '”' or '‘' or '’' or '—' or '…' or '·';

    /// <summary>Han or full-width punctuation: "Chinese context".</summary>
    public static bool IsChinese(char c) => IsHan(c) || IsCjkPunctuation(c);

    /// <summary>An ASCII letter or digit.</summary>
    public static bool IsLatinOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>Counts the Han characters of <paramref name="text"/>.</summary>
    public static int CountHan(string text) => text.Count(IsHan);
}
