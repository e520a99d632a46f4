using System.Collections.Immutable;
using System.Globalization;
using Publisher.Content.FrontMatter;
using Publisher.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Publisher.Transparency.Statistics;

/// <summary>
/// Reads and checks the <c>statistics:</c> block of a disclosure annual report: the format, every required cell,
/// numbers that are whole and not negative (amounts may have decimals; the older format's 本年增/减 may be
/// negative), and the format's rule 一 + 二 = 三（七）总计 + 四 in every column of table 三. Every problem is
/// reported with the file, line and column, and the figures involved.
/// </summary>
public static class StatisticsReader
{
    private static readonly string[] BlockKeys = ["format", "sample", StatisticsSchema.Proactive, StatisticsSchema.Requests, StatisticsSchema.Appeals];

    /// <summary>Reads the block; returns null (with errors) when it cannot be used.</summary>
    /// <param name="node">The value of <c>statistics:</c>.</param>
    /// <param name="file">The file, for messages.</param>
    /// <param name="lineOffset">The file line before the YAML's first line.</param>
    /// <param name="year">The year the report covers, which picks the format when <c>format:</c> is absent.</param>
    /// <param name="diagnostics">Receives every problem.</param>
    public static AnnualStatistics? Read(YamlNode node, string file, int lineOffset, int? year, ICollection<Diagnostic> diagnostics)
    {
        var context = new ReadContext(file, lineOffset, diagnostics);
        if (node is not YamlMappingNode block)
        {
            context.Error("PUB1001", node, "'statistics' must be a set of tables (format, proactive, requests, appeals).", "See the README section 'Transparency data' for the shape of the block.");
            return null;
        }

        foreach (var key in block.Children.Keys.OfType<YamlScalarNode>().Where(k => !BlockKeys.Contains(k.Value)))
        {
            context.Warning("PUB1006", key, $"unknown key '{key.Value}' in 'statistics' is ignored.", $"The block has: {string.Join(", ", BlockKeys)}.");
        }

        var schema = ReadFormat(block, year, context);
        if (schema is null)
        {
            return null;
        }

        var sample = Scalar(block, "sample") is { } sampleNode && sampleNode.Value is "true" or "yes";
        var rows = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<decimal>>(StringComparer.Ordinal);
        var locations = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var complete = true;
        foreach (var table in schema.Tables)
        {
            complete &= ReadTable(block, table, schema, rows, locations, context);
        }

        if (!complete)
        {
            return null;
        }

        var statistics = new AnnualStatistics
        {
            Schema = schema,
            IsSample = sample,
            Rows = rows.ToImmutable(),
            Location = context.Locate(block),
        };
        return StatisticsValidator.Check(statistics, block, locations, context) ? statistics : null;
    }

    private static StatisticsSchema? ReadFormat(YamlMappingNode block, int? year, ReadContext context)
    {
        if (Scalar(block, "format") is not { } formatNode)
        {
            return StatisticsSchema.ForYear(year ?? 2021);
        }

        var schema = StatisticsSchema.Find(formatNode.Value ?? string.Empty);
        if (schema is null)
        {
            context.Error(
                "PUB1002",
                formatNode,
                $"unknown statistics format '{formatNode.Value}'.",
                $"Use one of: {string.Join(", ", StatisticsSchema.All.Select(s => s.Key))} (national-2021 for reports on 2021 onwards, national-2019 for 2019 and 2020).");
        }

        return schema;
    }

    private static bool ReadTable(
        YamlMappingNode block,
        TableSchema table,
        StatisticsSchema schema,
        ImmutableSortedDictionary<string, ImmutableArray<decimal>>.Builder rows,
        Dictionary<string, YamlNode> locations,
        ReadContext context)
    {
        var node = Child(block, table.Key);
        if (node is not YamlMappingNode mapping)
        {
            context.Error(
                "PUB1003",
                node ?? block,
                node is null ? $"table {table.Title.Zh} ('{table.Key}:') is missing from 'statistics' ({schema.Key})." : $"'{table.Key}' must be a set of rows ('row: [numbers]').",
                $"Add '{table.Key}:' with the rows {string.Join(", ", table.Rows.Select(r => r.Row.Key))}.");
            return false;
        }

        var known = table.Rows.Select(r => r.Row.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>().Where(k => !known.Contains(k.Value ?? string.Empty)))
        {
            context.Warning("PUB1006", key, $"unknown row '{key.Value}' in table {table.Title.Zh} ('{table.Key}') is ignored.", Content.Text.Suggestions.DidYouMean(key.Value ?? string.Empty, known));
        }

        var complete = true;
        foreach (var (blockSchema, row) in table.Rows)
        {
            var value = Child(mapping, row.Key);
            if (value is null)
            {
                context.Error(
                    "PUB1003",
                    mapping,
                    $"row '{row.Key}' ({row.Label.Zh}) of table {table.Title.Zh} is missing.",
                    $"Add '{row.Key}: [{string.Join(", ", blockSchema.Columns.Select(c => c.Label.Zh))}]' — write 0 for an empty cell.");
                complete = false;
                continue;
            }

            var cells = ReadCells(value, table, blockSchema, row, context);
            if (cells is null)
            {
                complete = false;
                continue;
            }

            rows[$"{table.Key}.{row.Key}"] = cells.Value;
            locations[$"{table.Key}.{row.Key}"] = value;
        }

        locations[table.Key] = mapping;
        return complete;
    }

    private static ImmutableArray<decimal>? ReadCells(YamlNode value, TableSchema table, BlockSchema block, RowSchema row, ReadContext context)
    {
        IReadOnlyList<YamlNode> nodes = value switch
        {
            YamlSequenceNode sequence => [.. sequence.Children],
            YamlScalarNode scalar when block.Columns.Count == 1 => [scalar],
            _ => [],
        };
        if (nodes.Count != block.Columns.Count)
        {
            context.Error(
                "PUB1004",
                value,
                $"row '{row.Key}' ({row.Label.Zh}) of table {table.Title.Zh} needs {block.Columns.Count} number(s), one per column, but has {nodes.Count}.",
                $"Write them in this order: [{string.Join(", ", block.Columns.Select(c => c.Label.Zh))}].");
            return null;
        }

        var cells = ImmutableArray.CreateBuilder<decimal>(nodes.Count);
        var ok = true;
        for (var i = 0; i < nodes.Count; i++)
        {
            var column = block.Columns[i];
            var text = (nodes[i] as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
            if (Number(text, column.Kind) is { } number)
            {
                cells.Add(number);
                continue;
            }

            var expected = column.Kind switch
            {
                CellKind.Amount => "a number of zero or more (decimals allowed)",
                CellKind.Change => "a whole number (negative for a decrease)",
                _ => "a whole number of zero or more",
            };
            context.Error(
                "PUB1005",
                nodes[i],
                $"the cell '{column.Label.Zh}' of row '{row.Key}' ({row.Label.Zh}) must be {expected}, not '{text}'.",
                "Write the figure from the report's table as digits; write 0 for an empty cell.");
            ok = false;
        }

        return ok ? cells.MoveToImmutable() : null;
    }

    /// <summary>Parses a cell as its column allows, or null.</summary>
    internal static decimal? Number(string text, CellKind kind)
    {
        var styles = kind switch
        {
            CellKind.Amount => NumberStyles.AllowDecimalPoint,
            CellKind.Change => NumberStyles.AllowLeadingSign,
            _ => NumberStyles.None,
        };
        return decimal.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: { } name } && name == key).Value;

    private static YamlScalarNode? Scalar(YamlMappingNode mapping, string key) => Child(mapping, key) as YamlScalarNode;

    /// <summary>Collects diagnostics with file positions.</summary>
    internal sealed class ReadContext(string file, int lineOffset, ICollection<Diagnostic> diagnostics)
    {
        public SourceSpan Locate(YamlNode node) => YamlDocumentReader.Locate(node, file, lineOffset);

        public void Error(string code, YamlNode node, string message, string hint) =>
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, Locate(node), message, hint));

        public void Warning(string code, YamlNode node, string message, string hint) =>
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, code, Locate(node), message, hint));
    }
}
