using System.Globalization;
using System.Text.RegularExpressions;

namespace Publisher.Import.Metadata;

/// <summary>Reads dates written as "2021年12月3日" or "二〇二一年十二月三日".</summary>
internal static partial class ChineseDate
{
    private const string Numerals = "〇零一二三四五六七八九";

    /// <summary>The date pattern, Arabic or Chinese numerals, as a regex fragment with groups y, m, d.</summary>
    public const string Pattern = @"(?<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日";

    /// <summary>Parses a match of <see cref="Pattern"/>; null when it is not a real date.</summary>
    public static DateOnly? FromMatch(Match match)
    {
        var year = Number(match.Groups["y"].Value);
        var month = Number(match.Groups["m"].Value);
        var day = Number(match.Groups["d"].Value);
        return year is >= 1949 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>Formats as YYYY-MM-DD.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Number(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (text.Length == 4)
        {
            return text.Aggregate(0, (sum, c) => (sum * 10) + Digit(c));
        }

        // 十 = 10, 十二 = 12, 二十 = 20, 二十三 = 23.
        var tens = text.IndexOf('十');
        if (tens < 0)
        {
            return Digit(text[0]);
        }

        var high = tens == 0 ? 1 : Digit(text[0]);
        var low = tens == text.Length - 1 ? 0 : Digit(text[^1]);
        return (high * 10) + low;
    }

    private static int Digit(char c) => c is '〇' or '零' ? 0 : Numerals.IndexOf(c) - 1;
}
