using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Publisher.Transparency.Rendering;
using Publisher.Transparency.Statistics;

namespace Publisher.Transparency.Data;

/// <summary>
/// Writes the statistics as open data: per year a JSON file (nested tables) and a CSV file (one line per cell, the
/// "long" layout, so reports in different formats fit one schema and a pivot table rebuilds any view), and a
/// key-figures file over all years. Reports are ordered by office id, cells by the schema, so the output is
/// byte-identical for the same input.
/// </summary>
public static class StatisticsExport
{
    /// <summary>
    /// The byte-order mark that starts the CSV files. Excel opens a CSV file without it in the machine's ANSI code
    /// page (GBK on Chinese Windows, 1252 elsewhere) and garbles every Chinese character; with it, Excel, Numbers,
    /// LibreOffice and pandas (<c>encoding="utf-8-sig"</c>) all read UTF-8.
    /// </summary>
    public const string ByteOrderMark = "\uFEFF";

    /// <summary>The columns of <c>statistics.csv</c>, in order.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
        ["year", "office_id", "office_name", "office_name_en", "format", "sample", "table", "row", "row_label", "column", "column_label", "value", "document_url"];

    /// <summary>The columns of <c>key-figures.csv</c>, in order.</summary>
    public static readonly IReadOnlyList<string> KeyFigureColumns =
        ["year", "office_id", "office_name", "office_name_en", "sample", "received", "disclosed_in_full", "reconsiderations", "lawsuits", "document_url"];

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The CSV of one year's (or any set of) reports, starting with a BOM, lines ending CRLF (RFC 4180).</summary>
    public static string Csv(IEnumerable<ReportFigures> reports)
    {
        var csv = new StringBuilder(ByteOrderMark);
        Line(csv, CsvColumns);
        foreach (var report in Order(reports))
        {
            foreach (var (table, block, row) in Cells(report.Statistics))
            {
                var cells = report.Statistics.Row(table.Key, row.Key);
                for (var i = 0; i < block.Columns.Count; i++)
                {
                    Line(csv,
                    [
                        Year(report), report.OfficeId, report.OfficeName.Zh, report.OfficeName.En, report.Statistics.Schema.Key,
                        report.Statistics.IsSample ? "true" : "false", table.Key, row.Key, row.Label.Zh, block.Columns[i].Key,
                        block.Columns[i].Label.Zh, Html.N(cells[i]), report.DocumentUrl,
                    ]);
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>The key figures of every report, one line each, starting with a BOM.</summary>
    public static string KeyFiguresCsv(IEnumerable<ReportFigures> reports)
    {
        var csv = new StringBuilder(ByteOrderMark);
        Line(csv, KeyFigureColumns);
        foreach (var report in Order(reports))
        {
            var figures = report.Statistics.KeyFigures;
            Line(csv,
            [
                Year(report), report.OfficeId, report.OfficeName.Zh, report.OfficeName.En, report.Statistics.IsSample ? "true" : "false",
                Html.N(figures.Received), Html.N(figures.DisclosedInFull), Html.N(figures.Reconsiderations), Html.N(figures.Lawsuits), report.DocumentUrl,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>The JSON of a set of reports (UTF-8, no BOM: JSON parsers expect none).</summary>
    public static string Json(IEnumerable<ReportFigures> reports, int? year)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("generator", "Publisher");
            if (year is { } y)
            {
                json.WriteNumber("year", y);
            }

            json.WriteStartArray("reports");
            foreach (var report in Order(reports))
            {
                WriteReport(json, report);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteReport(Utf8JsonWriter json, ReportFigures report)
    {
        var statistics = report.Statistics;
        json.WriteStartObject();
        json.WriteNumber("year", report.Year);
        json.WriteString("office_id", report.OfficeId);
        json.WriteString("office_name", report.OfficeName.Zh);
        json.WriteString("office_name_en", report.OfficeName.En);
        json.WriteString("format", statistics.Schema.Key);
        json.WriteBoolean("sample", statistics.IsSample);
        json.WriteString("document_url", report.DocumentUrl);
        json.WriteStartObject("key_figures");
        foreach (var (key, value) in statistics.KeyFigures.All)
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("tables");
        foreach (var table in statistics.Schema.Tables)
        {
            json.WriteStartObject(table.Key);
            foreach (var (block, row) in table.Rows)
            {
                json.WriteStartObject(row.Key);
                var cells = statistics.Row(table.Key, row.Key);
                for (var i = 0; i < block.Columns.Count; i++)
                {
                    json.WriteNumber(block.Columns[i].Key, cells[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static IEnumerable<(TableSchema Table, BlockSchema Block, RowSchema Row)> Cells(AnnualStatistics statistics) =>
        statistics.Schema.Tables.SelectMany(t => t.Rows.Select(r => (t, r.Block, r.Row)));

    private static IEnumerable<ReportFigures> Order(IEnumerable<ReportFigures> reports) =>
        reports.OrderBy(r => r.Year).ThenBy(r => r.OfficeId, StringComparer.Ordinal).ThenBy(r => r.DocumentUrl, StringComparer.Ordinal);

    private static string Year(ReportFigures report) => report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Hand-written rather than a CSV library: none is among the packages this project may use, and RFC 4180
    // quoting is the one rule needed here.
    private static void Line(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i];
            csv.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field);
        }

        csv.Append("\r\n");
    }
}
