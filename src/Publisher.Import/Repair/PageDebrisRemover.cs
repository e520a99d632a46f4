using System.Text.RegularExpressions;

namespace Publisher.Import.Repair;

/// <summary>
/// Drops what page layout leaves in extracted text: form feeds, page numbers ("-1-", "— 2 —", "第3页", "第 3 页 共 9 页",
/// "3/9"), lone dots; a bare number stays, since it may be a table cell, and running headers or footers (a short line repeated on three or more pages).
/// </summary>
internal static partial class PageDebrisRemover
{
    private const int MinimumRepeats = 3;
    private const int MaximumHeaderLength = 40;

    /// <summary>Returns the lines that are not page debris, trimmed of layout whitespace.</summary>
    public static List<string> Apply(IEnumerable<string> lines)
    {
        var split = lines.SelectMany(line => line.Split('\f')).Select(Trim).ToList();
        var counts = split.Where(line => line.Length > 0).GroupBy(line => line).ToDictionary(g => g.Key, g => g.Count());
        return split
            .Where(line => !IsPageNumber(line))
            .Where(line => !IsRunningHeader(line, counts))
            .ToList();
    }

    /// <summary>True when <paramref name="line"/> is only a page number or a stray mark.</summary>
    public static bool IsPageNumber(string line) => PageNumber().IsMatch(line);

    private static bool IsRunningHeader(string line, Dictionary<string, int> counts) =>
        line.Length is > 0 and <= MaximumHeaderLength
        && counts[line] >= MinimumRepeats
        && !line.EndsWith('。')
        && !line.Any(char.IsAsciiDigit)
        && line.Any(CjkText.IsHan);

    private static string Trim(string line) => line.Trim(' ', '\t', '\u00A0', '\u3000', '\r', '\v', '\uFEFF');

    [GeneratedRegex(@"^(?:[-—–－―]\s*\d{1,4}\s*[-—–－―]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[.·。,，]+)$")]
    private static partial Regex PageNumber();
}
