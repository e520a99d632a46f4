using System.Text.RegularExpressions;
using Publisher.Import.Repair;

namespace Publisher.Import.Structure;

/// <summary>
/// Turns the body's lines into headings and paragraphs: a line break inside a sentence is joined away; a
/// paragraph ends at a line ending in 。！？：；…, at a heading, or (in Markdown input) at a blank line.
/// A paragraph that opens with a numbered short sentence ("（一）夯实基础。完善……") becomes a run-in heading:
/// a section heading for 一、, bold text for the lower levels.
/// </summary>
internal static partial class BodyBuilder
{
    private const int MaximumRunInLength = 30;
    private const int SingleLineThreshold = 400;
    private const int MaximumWrapWidth = 60;

    /// <summary>Builds the blocks of <paramref name="lines"/>.</summary>
    /// <param name="lines">The body lines, page debris and metadata already removed (empty lines allowed).</param>
    /// <param name="blankLineEndsParagraph">True for Markdown input, where blank lines separate paragraphs.</param>
    public static List<Block> Build(IReadOnlyList<string> lines, bool blankLineEndsParagraph)
    {
        var prepared = lines.SelectMany(SplitRunTogether).Select(StripMarkdown).ToList();
        var wrapWidth = WrapWidth(prepared.Select(p => p.Line));
        var blocks = new List<Block>();
        string? paragraph = null;
        var lastLineLength = 0;
        for (var i = 0; i < prepared.Count; i++)
        {
            var (line, markedLevel) = prepared[i];
            if (line.Length == 0)
            {
                if (blankLineEndsParagraph)
                {
                    Flush(blocks, ref paragraph);
                }

                continue;
            }

            var next = NextNonEmpty(prepared, i + 1);
            var open = paragraph is not null && (IsOpen(paragraph) || (wrapWidth > 0 && lastLineLength >= wrapWidth - 1 && !StartsNewItem(line)));
            var heading = HeadingClassifier.Classify(line, next);
            if (heading is { } h && !(h.Level >= 4 && (open || EndsListIntro(paragraph))))
            {
                Flush(blocks, ref paragraph);
                blocks.Add(new Block(h.Level, InlineRepair.Apply(h.Text)));
                lastLineLength = 0;
                continue;
            }

            if (markedLevel > 0)
            {
                Flush(blocks, ref paragraph);
                blocks.Add(new Block(markedLevel, line));
                continue;
            }

            paragraph = open ? LineJoiner.Join(paragraph!, line) : Flush(blocks, ref paragraph, line);
            lastLineLength = line.Length;
        }

        Flush(blocks, ref paragraph);
        return blocks;
    }

    /// <summary>True when <paramref name="text"/> does not end a sentence, so the next line continues it.</summary>
    public static bool IsOpen(string text)
    {
        var trimmed = text.TrimEnd('”', '’', '」', '』', '）', ')', '*');
        return trimmed.Length == 0 || !"。！？：；…!?".Contains(trimmed[^1], StringComparison.Ordinal);
    }

    // Text wrapped at a fixed width (PDF extraction) has most lines of the same length; a line that fills the width
    // and ends in 。 was cut at the margin, not at the end of its paragraph. Returns 0 for unwrapped text.
    private static int WrapWidth(IEnumerable<string> lines)
    {
        var lengths = lines.Where(l => l.Length >= 10).Select(l => l.Length).ToList();
        if (lengths.Count < 10)
        {
            return 0;
        }

        var (width, count) = lengths.GroupBy(l => l).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenByDescending(g => g.Key).First();
        return width <= MaximumWrapWidth && count * 4 >= lengths.Count ? width : 0;
    }

    private static bool EndsListIntro(string? paragraph) => paragraph is not null && paragraph.Length > 0 && paragraph[^1] is '：' or ':' or '；' or ';';

    private static bool StartsNewItem(string line) => HeadingClassifier.Numbering(line) is not null || OrdinalSentence().IsMatch(line);

    private static string? Flush(List<Block> blocks, ref string? paragraph, string? next = null)
    {
        if (paragraph is not null)
        {
            blocks.AddRange(RunIn(InlineRepair.Apply(paragraph)));
        }

        paragraph = next;
        return next;
    }

    // "（一）夯实基础。完善……" → bold lead-in; "一、总体情况。2021年……" or "一、总体情况2021年……" → heading + paragraph.
    private static IEnumerable<Block> RunIn(string paragraph)
    {
        if (HeadingClassifier.Numbering(paragraph) is not { } numbered)
        {
            return [new Block(0, paragraph)];
        }

        var rest = numbered.Text;
        var stop = rest.IndexOf('。', StringComparison.Ordinal);
        var yearStart = numbered.Level == 2 ? YearStart().Match(rest) : Match.Empty;
        if (yearStart.Success && (stop < 0 || yearStart.Index < stop))
        {
            return [new Block(2, numbered.Numeral + rest[..yearStart.Index]), new Block(0, rest[yearStart.Index..])];
        }

        if (stop <= 0 || stop > MaximumRunInLength || stop == rest.Length - 1)
        {
            return [new Block(0, paragraph)];
        }

        var lead = rest[..stop];
        if (lead.Contains('；', StringComparison.Ordinal))
        {
            return [new Block(0, paragraph)];
        }

        return numbered.Level == 2
            ? [new Block(2, numbered.Numeral + lead), new Block(0, rest[(stop + 1)..])]
            : [new Block(0, "**" + numbered.Numeral + lead + "**" + rest[stop..])];
    }

    private static IEnumerable<string> SplitRunTogether(string line) =>
        line.Length < SingleLineThreshold ? [line] : SectionStart().Split(line);

    private static (string Line, int MarkedLevel) StripMarkdown(string line)
    {
        var heading = MarkdownHeading().Match(line);
        var level = heading.Success ? Math.Clamp(heading.Groups["marks"].Length, 2, 6) : 0;
        var text = heading.Success ? heading.Groups["text"].Value.Trim() : line;
        var bold = LeadingBold().Match(text);
        if (bold.Success)
        {
            text = bold.Groups["b"].Value + text[bold.Length..];
        }

        return (MarkdownEscape().Replace(text, string.Empty), level);
    }

    private static string NextNonEmpty(List<(string Line, int MarkedLevel)> lines, int from)
    {
        for (var k = from; k < lines.Count; k++)
        {
            if (lines[k].Line.Length > 0)
            {
                return lines[k].Line;
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"(?<=[。；！？])\s*(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])")]
    private static partial Regex SectionStart();

    [GeneratedRegex(@"(?<=^[\p{IsCJKUnifiedIdeographs}、“”《》]{2,20})(?=\d{4}年)")]
    private static partial Regex YearStart();

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,2}是")]
    private static partial Regex OrdinalSentence();

    [GeneratedRegex(@"^(?<marks>#{1,6})\s+(?<text>.*?)\s*#*$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^\*\*(?<b>[^*]+)\*\*")]
    private static partial Regex LeadingBold();

    [GeneratedRegex(@"^\\(?=[#>+*-]|\d)")]
    private static partial Regex MarkdownEscape();
}
