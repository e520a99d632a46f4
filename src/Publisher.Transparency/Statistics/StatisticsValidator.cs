using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Publisher.Transparency.Statistics;

/// <summary>
/// The consistency rules of the statistics. The format's own rule — 第一项 + 第二项 = 第三项（七）总计 + 第四项 in
/// every column of table 三 — is an error. Sums the format implies but that real reports often get wrong
/// (the 总计 columns, （七）总计 as the sum of （一）–（六）) are warnings, so published reports still build.
/// </summary>
internal static class StatisticsValidator
{
    private const string Requests = StatisticsSchema.Requests;

    /// <summary>Checks the rules; returns false when an error was reported.</summary>
    public static bool Check(AnnualStatistics statistics, YamlMappingNode block, IReadOnlyDictionary<string, YamlNode> locations, StatisticsReader.ReadContext context)
    {
        var requests = statistics.Schema.Table(Requests);
        var columns = requests.Blocks[0].Columns;
        var ok = true;
        var tableNode = locations.GetValueOrDefault(Requests) ?? block;
        for (var i = 0; i < columns.Count; i++)
        {
            var received = statistics.Row(Requests, "new")[i];
            var carriedOver = statistics.Row(Requests, "carried_over")[i];
            var total = statistics.Row(Requests, "total")[i];
            var carriedForward = statistics.Row(Requests, "carried_forward")[i];
            if (received + carriedOver != total + carriedForward)
            {
                context.Error(
                    "PUB1010",
                    tableNode,
                    $"table 三, column '{columns[i].Label.Zh}' ({columns[i].Label.En}): 一 + 二 = {N(received)} + {N(carriedOver)} = {N(received + carriedOver)}, " +
                    $"but 三（七）总计 + 四 = {N(total)} + {N(carriedForward)} = {N(total + carriedForward)}; the format requires them to be equal.",
                    "Check these four figures against the report (rows new, carried_over, total and carried_forward).");
                ok = false;
            }
        }

        WarnOnTotals(statistics, locations, context);
        return ok;
    }

    private static void WarnOnTotals(AnnualStatistics statistics, IReadOnlyDictionary<string, YamlNode> locations, StatisticsReader.ReadContext context)
    {
        foreach (var table in new[] { StatisticsSchema.Requests, StatisticsSchema.Appeals })
        {
            foreach (var (block, row) in statistics.Schema.Table(table).Rows)
            {
                var cells = statistics.Row(table, row.Key);
                var parts = cells[..^1].Sum();
                if (parts != cells[^1])
                {
                    context.Warning(
                        "PUB1011",
                        locations[$"{table}.{row.Key}"],
                        $"row '{row.Key}' ({row.Label.Zh}): the columns add up to {N(parts)} but the total column says {N(cells[^1])}.",
                        "Check the row against the report; if the report itself is inconsistent, keep its figures.");
                }
            }
        }

        var resultRows = statistics.Schema.Table(Requests).Rows
            .Where(r => r.Row.Groups.Any(g => g.Key == "results") && r.Row.Key != "total")
            .Select(r => r.Row.Key)
            .ToList();
        var columns = statistics.Schema.Table(Requests).Blocks[0].Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var sum = resultRows.Sum(r => statistics.Row(Requests, r)[i]);
            var total = statistics.Row(Requests, "total")[i];
            if (sum != total)
            {
                context.Warning(
                    "PUB1012",
                    locations[$"{Requests}.total"],
                    $"table 三, column '{columns[i].Label.Zh}': （一）to（六）add up to {N(sum)} but （七）总计 says {N(total)}.",
                    "Check the outcome rows against the report; if the report itself is inconsistent, keep its figures.");
            }
        }
    }

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
