using System.Globalization;
using System.Runtime.CompilerServices;
using Publisher.Content.Model;
using Publisher.Site.Model;
using Publisher.Transparency.Data;
using Publisher.Transparency.Rendering;
using Publisher.Transparency.Statistics;

namespace Publisher.Site.Rendering;

/// <summary>What the pages show of the transparency data (issue 9): statistics, comparisons, data links.</summary>
public static class TransparencyView
{
    /// <summary>The file name of a report's chart, beside its page.</summary>
    public const string ChartFile = "statistics-chart.svg";

    /// <summary>A report's statistics, or null.</summary>
    public static AnnualStatistics? StatisticsOf(SiteModel site, SiteDocument document) =>
        site.Statistics.GetValueOrDefault(document.Key);

    /// <summary>Every report with statistics, with its office, ordered by year then office id.</summary>
    public static IReadOnlyList<(SiteDocument Document, Office Office, AnnualStatistics Statistics)> Reports(SiteModel site) =>
        ReportsBySite.GetValue(site, AllReports);

    // Pages ask for the reports many times; they are computed once per site model.
    private static readonly ConditionalWeakTable<SiteModel, IReadOnlyList<(SiteDocument Document, Office Office, AnnualStatistics Statistics)>> ReportsBySite = [];

    private static IReadOnlyList<(SiteDocument Document, Office Office, AnnualStatistics Statistics)> AllReports(SiteModel site) =>
        [.. site.Documents
            .Where(d => d.Office is not null && site.Statistics.ContainsKey(d.Key))
            .Select(d => (d, d.Office!, site.Statistics[d.Key]))
            .OrderBy(r => r.d.Item.Year)
            .ThenBy(r => r.Item2.Id, StringComparer.Ordinal)
            .ThenBy(r => r.d.Key, StringComparer.Ordinal)];

    /// <summary>The reports covering a year.</summary>
    public static IReadOnlyList<(SiteDocument Document, Office Office, AnnualStatistics Statistics)> ReportsIn(SiteModel site, int year) =>
        [.. Reports(site).Where(r => r.Document.Item.Year == year)];

    /// <summary>An office's reports, newest year first.</summary>
    public static IReadOnlyList<(SiteDocument Document, Office Office, AnnualStatistics Statistics)> ReportsOf(SiteModel site, Office office) =>
        [.. Reports(site).Where(r => r.Office.Id == office.Id).OrderByDescending(r => r.Document.Item.Year)];

    /// <summary>The years that have statistics, newest first.</summary>
    public static IReadOnlyList<int> Years(SiteModel site) =>
        [.. Reports(site).Select(r => r.Document.Item.Year!.Value).Distinct().OrderDescending()];

    /// <summary>The open-data records of a set of reports.</summary>
    public static IEnumerable<ReportFigures> Figures(SiteModel site, SiteUrls urls, IEnumerable<(SiteDocument Document, Office Office, AnnualStatistics Statistics)> reports) =>
        reports.Select(r => new ReportFigures(
            r.Office.Id,
            new Label(r.Office.Name.In("zh-CN"), r.Office.Name.In("en")),
            r.Document.Item.Year!.Value,
            AbsoluteUrl.Of(site.Options.BaseUrl, urls.Link(site.Options.DefaultLanguage, r.Document.Path)),
            r.Statistics));

    /// <summary>The tables of a report in the page's language.</summary>
    public static string TablesHtml(AnnualStatistics statistics, string language) => StatisticsTableRenderer.Render(statistics, language);

    /// <summary>The chart's text alternative.</summary>
    public static string ChartAlt(AnnualStatistics statistics, string language) => StatisticsChart.TextAlternative(statistics, language);

    /// <summary>A key-figure label in the page's language.</summary>
    public static string FigureLabel(string key, string language) => KeyFigures.Labels[key].In(language);

    /// <summary>A figure as shown in tables.</summary>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The link of a year's data file (always the language-neutral <c>/data/</c> folder).</summary>
    public static string DataLink(PageModel page, string file) => page.Urls.Link(page.Site.Options.DefaultLanguage, "data/" + file);
}
