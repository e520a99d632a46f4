using Publisher.Content.FrontMatter;
using Publisher.Core.Diagnostics;
using Publisher.Transparency.Statistics;

namespace Publisher.Transparency.Tests;

/// <summary>Statistics blocks for the tests: consistent unless a row is overridden.</summary>
internal static class StatisticsSamples
{
    public static readonly string[] OutcomeRows2021 =
    [
        "disclosed", "partly_disclosed", "withheld_state_secret", "withheld_prohibited_by_law", "withheld_security_stability",
        "withheld_third_party", "withheld_internal_affairs", "withheld_process_information", "withheld_enforcement_files",
        "withheld_query_matters", "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
        "not_processed_petition", "not_processed_repeated", "not_processed_publications", "not_processed_excessive",
        "not_processed_confirmation", "other_no_correction", "other_unpaid_fees", "other_other",
    ];

    /// <summary>A national-2021 block: 20 + 2 received = 19 handled + 3 carried forward, natural persons only but for one business.</summary>
    public static string National2021(Dictionary<string, string>? overrides = null)
    {
        var rows = new Dictionary<string, string>
        {
            ["new"] = "[19, 1, 0, 0, 0, 0, 20]",
            ["carried_over"] = "[2, 0, 0, 0, 0, 0, 2]",
            ["total"] = "[18, 1, 0, 0, 0, 0, 19]",
            ["carried_forward"] = "[3, 0, 0, 0, 0, 0, 3]",
            ["disclosed"] = "[10, 1, 0, 0, 0, 0, 11]",
            ["unavailable_not_held"] = "[8, 0, 0, 0, 0, 0, 8]",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            rows[key] = value;
        }

        string Row(string key) => $"    {key}: {rows.GetValueOrDefault(key, "[0, 0, 0, 0, 0, 0, 0]")}\n";
        return "statistics:\n" +
            "  format: national-2021\n" +
            "  proactive:\n" +
            "    rules: [0, 0, 0]\n" +
            "    normative_documents: [2, 1, 9]\n" +
            "    licensing: 12\n" +
            "    penalties: 140\n" +
            "    enforcement: 3\n" +
            "    fees: 0.5\n" +
            "  requests:\n" +
            Row("new") + Row("carried_over") + string.Concat(OutcomeRows2021.Select(Row)) + Row("total") + Row("carried_forward") +
            "  appeals:\n" +
            "    reconsideration: [1, 1, 0, 0, 2]\n" +
            "    litigation_direct: [1, 0, 0, 1, 2]\n" +
            "    litigation_after_reconsideration: [0, 0, 0, 1, 1]\n";
    }

    /// <summary>Reads a block written as front matter starting on line 2 of <c>report.md</c>.</summary>
    public static (AnnualStatistics? Statistics, List<Diagnostic> Diagnostics) Read(string yaml, int? year = 2021)
    {
        var mapping = YamlDocumentReader.ReadMapping(yaml, "report.md", 2);
        var diagnostics = new List<Diagnostic>();
        var node = mapping.Children.First(p => p.Key.ToString() == "statistics").Value;
        return (StatisticsReader.Read(node, "report.md", 1, year, diagnostics), diagnostics);
    }
}
