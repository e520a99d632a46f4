using System.Globalization;
using System.Text;
using Publisher.Transparency.Statistics;

namespace Publisher.Transparency.Rendering;

/// <summary>
/// A small horizontal bar chart of how the year's requests were handled (table 三, total column), written at
/// build time as an SVG file. It uses presentation attributes only (no <c>style</c>), so a strict
/// Content-Security-Policy holds; the page shows it with <see cref="TextAlternative"/> as its <c>alt</c> text, and
/// the same figures are in the table next to it.
/// </summary>
public static class StatisticsChart
{
    private const int Width = 640;
    private const int BarHeight = 22;
    private const int Gap = 8;
    private const int LabelWidth = 230;
    private const int Top = 36;

    /// <summary>The bars: label and value, top to bottom.</summary>
    public static IReadOnlyList<(Label Label, decimal Value)> Bars(AnnualStatistics statistics)
    {
        var table = statistics.Schema.Table(StatisticsSchema.Requests);
        decimal Sum(string group) => table.Rows.Where(r => r.Row.Groups.Any(g => g.Key == group)).Sum(r => statistics.Total(table.Key, r.Row.Key));
        return
        [
            (new Label("新收申请", "New requests"), statistics.Total(table.Key, "new")),
            (new Label("上年结转", "Carried over"), statistics.Total(table.Key, "carried_over")),
            (new Label("予以公开", "Disclosed in full"), statistics.Total(table.Key, "disclosed")),
            (new Label("部分公开", "Partly disclosed"), statistics.Total(table.Key, "partly_disclosed")),
            (new Label("不予公开", "Not disclosed"), Sum("withheld")),
            (new Label("无法提供", "Cannot be provided"), Sum("unavailable")),
            (new Label("不予处理", "Not processed"), Sum("not_processed")),
            (new Label("其他处理", "Handled otherwise"), statistics.Schema.Key == StatisticsSchema.National2019.Key ? statistics.Total(table.Key, "other") : Sum("other")),
            (new Label("结转下年度", "Carried forward"), statistics.Total(table.Key, "carried_forward")),
        ];
    }

    /// <summary>The chart's title in a language.</summary>
    public static string Title(string language) =>
        new Label("政府信息公开申请办理情况（件）", "Requests for government information and how they were handled (number)").In(language);

    /// <summary>The text alternative: every bar's label and value.</summary>
    public static string TextAlternative(AnnualStatistics statistics, string language)
    {
        var zh = language.StartsWith("zh", StringComparison.Ordinal);
        var separator = zh ? "；" : "; ";
        var items = Bars(statistics).Select(b => $"{b.Label.In(language)}{(zh ? " " : ": ")}{Html.N(b.Value)}");
        return $"{Title(language)}{(zh ? "：" : ": ")}{string.Join(separator, items)}{(zh ? "。" : ".")}";
    }

    /// <summary>The SVG document.</summary>
    public static string Render(AnnualStatistics statistics, string language)
    {
        var bars = Bars(statistics);
        var max = Math.Max(1, bars.Max(b => b.Value));
        var height = Top + (bars.Count * (BarHeight + Gap)) + 8;
        var plot = Width - LabelWidth - 60;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"t d\" lang=\"{language}\">\n");
        svg.Append("<title id=\"t\">").Append(Html.E(Title(language))).Append("</title>\n");
        svg.Append("<desc id=\"d\">").Append(Html.E(TextAlternative(statistics, language))).Append("</desc>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append("<text x=\"8\" y=\"22\" font-family=\"sans-serif\" font-size=\"16\" font-weight=\"bold\" fill=\"#0b0c0c\">").Append(Html.E(Title(language))).Append("</text>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = Top + (i * (BarHeight + Gap));
            var length = (int)Math.Round(plot * (double)(value / max));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-family=\"sans-serif\" font-size=\"14\" fill=\"#0b0c0c\">").Append(Html.E(label.In(language))).Append("</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(length, 1)}\" height=\"{BarHeight}\" fill=\"#1d70b8\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + Math.Max(length, 1) + 6}\" y=\"{y + 16}\" font-family=\"sans-serif\" font-size=\"14\" fill=\"#0b0c0c\">").Append(Html.N(value)).Append("</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
