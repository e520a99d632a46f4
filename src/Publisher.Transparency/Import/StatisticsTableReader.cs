using System.Text;
using System.Text.RegularExpressions;
using Publisher.Core.Diagnostics;
using Publisher.Transparency.Statistics;
using YamlDotNet.RepresentationModel;

namespace Publisher.Transparency.Import;

/// <summary>
/// Recognises tables 二, 三 and 四 of a 政府信息公开工作年度报告 in extracted text where pdftotext (or a Word
/// export) gives one cell per line, and writes them as a <c>statistics:</c> block. It reads a table only when its
/// shape is unmistakable: each row heading of the format, in order, followed by exactly as many numbers as the
/// row has columns. Anything else — a wrapped number, a blank cell, a page number inside the table, a dash for
/// zero — stops the recognition of that table, and the block is left commented out and marked for the editor.
/// It never guesses a number: every figure written comes from one line of the text. A block that is complete is
/// validated with <see cref="StatisticsReader"/>, so a report that breaks the format's sum rule is marked too.
/// </summary>
public static partial class StatisticsTableReader
{
    /// <summary>Reads the tables out of <paramref name="text"/>.</summary>
    /// <param name="text">The report's text, one cell per line.</param>
    /// <param name="year">The year the report covers, when known; picks the format if the text does not show it.</param>
    public static StatisticsRecognition Read(string text, int? year = null)
    {
        var lines = Cells(text);
        var schema = DetectFormat(lines, year);
        var warnings = new List<string>();
        var found = new Dictionary<string, (RowSchema Row, IReadOnlyList<string> Cells)>(StringComparer.Ordinal);
        var position = 0;
        var complete = true;
        var ranges = new List<TextRange>();
        foreach (var table in schema.Tables)
        {
            var before = position;
            var read = ReadTable(lines, ref position, out var start, table, found, warnings);
            complete &= read;
            if (read)
            {
                ranges.Add(Range(lines, before, start, position, table));
            }
        }

        if (complete)
        {
            var yaml = Yaml(schema, found, commented: false);
            var problems = Validate(yaml, year);
            if (problems.Count == 0)
            {
                return new StatisticsRecognition(true, yaml, warnings) { TableLines = ranges };
            }

            warnings.AddRange(problems.Select(p => $"the tables were read but do not pass validation: {p.Message}"));
        }

        var marked = new StringBuilder();
        marked.Append("# statistics: NOT FILLED IN - the tables of this report could not be read with certainty, and no figure was guessed.\n");
        foreach (var warning in warnings)
        {
            marked.Append("#   ").Append(warning.ReplaceLineEndings(" ")).Append('\n');
        }

        marked.Append("# Copy tables 二, 三 and 四 from the original into a statistics: block (README: 'Transparency data').\n");
        if (found.Count > 0)
        {
            marked.Append("# The rows below were read from the text; check each against the original before you uncomment them.\n");
            marked.Append(Yaml(schema, found, commented: true));
        }

        return new StatisticsRecognition(false, marked.ToString(), warnings);
    }

    /// <summary>
    /// The text lines of a table that was read: from the line after its section title (the last one shortly
    /// before the table, so a mention in the narrative is never included) or else its first cell, to its last figure.
    /// </summary>
    private static TextRange Range(Cell[] lines, int from, int start, int to, TableSchema table)
    {
        const int MaxHeaderCells = 40;
        var title = Normalize(table.Title.Zh[(table.Title.Zh.IndexOf('、', StringComparison.Ordinal) + 1)..]);
        var earliest = Math.Max(from, start - MaxHeaderCells);
        var heading = Array.FindLastIndex(lines, start, start - earliest + 1, l => Normalize(l.Text).Contains(title, StringComparison.Ordinal));
        var first = heading >= 0 ? heading + 1 : start;
        return new TextRange(lines[first].Line, lines[to - 1].Line);
    }

    /// <summary>
    /// The text as cells, one per entry, with the text line each came from. Blank lines (pdftotext puts them
    /// between cells) are dropped, and a line that ends in figures separated by spaces (pdftotext -layout, or a
    /// row pasted from a spreadsheet) is split into its heading and one cell per figure.
    /// </summary>
    private static Cell[] Cells(string text)
    {
        var cells = new List<Cell>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var tokens = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            var figures = tokens.Reverse().TakeWhile(t => Number().IsMatch(t)).Count();
            if (figures == 0 || tokens.Length == 1)
            {
                cells.Add(new Cell(lines[i].Trim(), i + 1));
                continue;
            }

            if (figures < tokens.Length)
            {
                cells.Add(new Cell(string.Join(' ', tokens[..^figures]), i + 1));
            }

            cells.AddRange(tokens[^figures..].Select(t => new Cell(t, i + 1)));
        }

        return [.. cells];
    }

    private static StatisticsSchema DetectFormat(Cell[] lines, int? year)
    {
        // Column headings wrap inside their cells ("本年新" / "制作数量"), so look in the text joined up.
        var joined = string.Concat(lines.Select(l => Normalize(l.Text)));
        if (joined.Contains("本年制发件数", StringComparison.Ordinal))
        {
            return StatisticsSchema.National2021;
        }

        if (joined.Contains("本年新制作数量", StringComparison.Ordinal))
        {
            return StatisticsSchema.National2019;
        }

        return StatisticsSchema.ForYear(year ?? 2021);
    }

    private static bool ReadTable(Cell[] lines, ref int position, out int start, TableSchema table, Dictionary<string, (RowSchema, IReadOnlyList<string>)> found, List<string> warnings)
    {
        var anchor = table.Key switch
        {
            StatisticsSchema.Proactive => "第二十条第（一）项",
            StatisticsSchema.Requests => "本年新收政府信息公开申请数量",
            _ => "行政复议",
        };
        start = Array.FindIndex(lines, position, l => Normalize(l.Text).Contains(Normalize(anchor), StringComparison.Ordinal));
        if (start < 0)
        {
            warnings.Add($"table {table.Title.Zh}: its heading '{anchor}' was not found.");
            return false;
        }

        if (table.Key == StatisticsSchema.Appeals)
        {
            return ReadAppeals(lines, start, ref position, table, found, warnings);
        }

        var i = start;
        var label = new StringBuilder();
        foreach (var (block, row) in table.Rows)
        {
            label.Clear();
            while (i < lines.Length && !IsNumber(lines[i].Text))
            {
                label.Append(Normalize(lines[i].Text));
                i++;
            }

            var cells = new List<string>();
            while (i < lines.Length && IsNumber(lines[i].Text))
            {
                cells.Add(lines[i].Text);
                i++;
            }

            var phrase = Phrase(row.Label.Zh);
            if (!label.ToString().Contains(phrase, StringComparison.Ordinal))
            {
                warnings.Add($"table {table.Title.Zh}: expected the row '{row.Label.Zh}' before the numbers at line {LineAt(lines, i - cells.Count)}, found '{Shorten(label.ToString())}'.");
                return false;
            }

            if (cells.Count != block.Columns.Count)
            {
                warnings.Add($"table {table.Title.Zh}: row '{row.Label.Zh}' (line {LineAt(lines, i - cells.Count)}) has {cells.Count} number(s) where the format has {block.Columns.Count} columns.");
                return false;
            }

            found[$"{table.Key}.{row.Key}"] = (row, cells);
        }

        position = i;
        return true;
    }

    private static bool ReadAppeals(Cell[] lines, int start, ref int position, TableSchema table, Dictionary<string, (RowSchema, IReadOnlyList<string>)> found, List<string> warnings)
    {
        var block = table.Blocks[0];
        var i = start;
        while (i < lines.Length && !IsNumber(lines[i].Text))
        {
            i++;
        }

        var cells = new List<string>();
        while (i < lines.Length && IsNumber(lines[i].Text))
        {
            cells.Add(lines[i].Text);
            i++;
        }

        var expected = block.Rows.Count * block.Columns.Count;
        if (cells.Count != expected)
        {
            warnings.Add($"table {table.Title.Zh}: found {cells.Count} number(s) at line {LineAt(lines, i - cells.Count)} where the format has one row of {expected}.");
            return false;
        }

        for (var r = 0; r < block.Rows.Count; r++)
        {
            found[$"{table.Key}.{block.Rows[r].Key}"] = (block.Rows[r], cells.GetRange(r * block.Columns.Count, block.Columns.Count));
        }

        position = i;
        return true;
    }

    private static string Yaml(StatisticsSchema schema, Dictionary<string, (RowSchema Row, IReadOnlyList<string> Cells)> found, bool commented)
    {
        var prefix = commented ? "# " : string.Empty;
        var yaml = new StringBuilder();
        yaml.Append(prefix).Append("statistics:\n");
        yaml.Append(prefix).Append("  format: ").Append(schema.Key).Append('\n');
        foreach (var table in schema.Tables)
        {
            var rows = table.Rows.Where(r => found.ContainsKey($"{table.Key}.{r.Row.Key}")).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            yaml.Append(prefix).Append("  ").Append(table.Key).Append(":  # ").Append(table.Title.Zh).Append('\n');
            foreach (var (block, row) in rows)
            {
                var cells = found[$"{table.Key}.{row.Key}"].Cells;
                yaml.Append(prefix).Append("    ").Append(row.Key).Append(": [").Append(string.Join(", ", cells)).Append("]  # ").Append(row.Label.Zh).Append('\n');
            }
        }

        return yaml.ToString();
    }

    private static List<Diagnostic> Validate(string yaml, int? year)
    {
        var mapping = Content.FrontMatter.YamlDocumentReader.ReadMapping(yaml, "import", 1);
        var diagnostics = new List<Diagnostic>();
        StatisticsReader.Read(mapping.Children[new YamlScalarNode("statistics")], "import", 0, year, diagnostics);
        return [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];
    }

    /// <summary>The distinctive words of a row heading: without its numbering, notes in brackets and quotes.</summary>
    private static string Phrase(string label)
    {
        var text = Normalize(label);
        text = Numbering().Replace(text, string.Empty);
        var bracket = text.IndexOf('（', StringComparison.Ordinal);
        if (bracket > 0)
        {
            text = text[..bracket];
        }

        // Long headings wrap across lines and may be shortened by the publisher; their first words decide.
        return text.Length > 12 ? text[..12] : text;
    }

    private static string Normalize(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && c is not ('“' or '”' or '"' or '\'' or '‘' or '’'))
            {
                builder.Append(c switch { '(' => '（', ')' => '）', _ => c });
            }
        }

        return builder.ToString();
    }

    private static int LineAt(Cell[] cells, int index) => index < cells.Length ? cells[index].Line : cells.Length == 0 ? 0 : cells[^1].Line;

    private static bool IsNumber(string line) => Number().IsMatch(line.Trim());

    private static string Shorten(string text) => text.Length > 40 ? "…" + text[^40..] : text;

    private readonly record struct Cell(string Text, int Line);

    [GeneratedRegex(@"^[+-]?\d{1,9}(\.\d{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[\.、．])", RegexOptions.CultureInvariant)]
    private static partial Regex Numbering();
}
