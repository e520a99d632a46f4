using System.Text.RegularExpressions;

namespace Publisher.Import.Structure;

/// <summary>
/// Decides whether a line is a heading of the Chinese numbering hierarchy: 一、 → 2, （一） → 3, 1、/1. → 4,
/// （1） → 5. Refuses lines that only look like one: "一是……" sentences, list items ending in ；，、 or ：,
/// long sentences ending in 。, text with a full stop inside, and the row labels of statistical tables.
/// </summary>
internal static partial class HeadingClassifier
{
    /// <summary>A heading's text may be at most this long (numeral excluded).</summary>
    public const int MaximumLength = 40;

    /// <summary>A heading may end in 。 only when it is at most this long.</summary>
    public const int MaximumLengthWithFullStop = 20;

    // Row labels of the national 政府信息公开工作年度报告 tables (国办公开办函〔2021〕30号 and the older format).
    private static readonly string[] StatisticsLabels =
    [
        "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果", "结转下年度继续办理",
        "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "总计",
    ];

    /// <summary>The level (2–5) and normalised text of <paramref name="line"/> if it is a heading, else null.</summary>
    /// <param name="line">The line, trimmed.</param>
    /// <param name="nextLine">The following non-empty line, or empty.</param>
    public static (int Level, string Text)? Classify(string line, string nextLine)
    {
        if (Numbering(line) is not { } numbered)
        {
            return null;
        }

        var rest = numbered.Text;
        if (rest.Length == 0 || rest.Length > MaximumLength || "；，、：;,:".Contains(rest[^1], StringComparison.Ordinal))
        {
            return null;
        }

        var fullStop = rest.IndexOf('。', StringComparison.Ordinal);
        if (fullStop >= 0 && (fullStop != rest.Length - 1 || rest.Length > MaximumLengthWithFullStop))
        {
            return null;
        }

        if (IsStatisticsRow(rest, nextLine))
        {
            return null;
        }

        return (numbered.Level, numbered.Numeral + rest.TrimEnd('。'));
    }

    /// <summary>Splits a line into its numbering level, normalised numeral and the rest; null if unnumbered.</summary>
    public static (int Level, string Numeral, string Text)? Numbering(string line)
    {
        if (Level2().Match(line) is { Success: true } m2)
        {
            return (2, m2.Groups["n"].Value + "、", m2.Groups["rest"].Value.Trim());
        }

        if (Level3().Match(line) is { Success: true } m3)
        {
            return (3, "（" + m3.Groups["n"].Value + "）", m3.Groups["rest"].Value.Trim());
        }

        if (Level5().Match(line) is { Success: true } m5)
        {
            return (5, "（" + m5.Groups["n"].Value + "）", m5.Groups["rest"].Value.Trim());
        }

        if (Level4().Match(line) is { Success: true } m4)
        {
            var separator = m4.Groups["sep"].Value == "、" ? "、" : ".";
            return (4, m4.Groups["n"].Value + separator, m4.Groups["rest"].Value.Trim());
        }

        return null;
    }

    private static bool IsStatisticsRow(string rest, string nextLine) =>
        StatisticsLabels.Any(label => rest.StartsWith(label, StringComparison.Ordinal)) || NumberCell().IsMatch(nextLine);

    [GeneratedRegex(@"^(?<n>[一二三四五六七八九十]{1,3})、(?<rest>.*)$")]
    private static partial Regex Level2();

    [GeneratedRegex(@"^[（(]\s*(?<n>[一二三四五六七八九十]{1,3})\s*[)）](?<rest>.*)$")]
    private static partial Regex Level3();

    [GeneratedRegex(@"^(?<n>\d{1,2})\s*(?<sep>[、.．])(?!\d)(?<rest>.*)$")]
    private static partial Regex Level4();

    [GeneratedRegex(@"^[（(]\s*(?<n>\d{1,2})\s*[)）](?<rest>.*)$")]
    private static partial Regex Level5();

    [GeneratedRegex(@"^[\d.,，%\s-]+$")]
    private static partial Regex NumberCell();
}
