using System.Globalization;
using Publisher.Content.Configuration;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Model;
using Publisher.Site.Rendering;
using Publisher.Transparency.Data;
using Publisher.Transparency.Rendering;

namespace Publisher.Site.Modules;

/// <summary>
/// Adds the statistics as open data — <c>data/&lt;year&gt;/statistics.json</c> and <c>.csv</c>,
/// <c>data/statistics.json</c> (all years), <c>data/key-figures.csv</c> — and each report's chart in every language, to the rendered pages.
/// </summary>
public sealed class GenerateTransparencyFiles : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var site = SiteModelFactory.Create(context);
        var urls = new SiteUrls(options.BasePath, options.DefaultLanguage);
        var files = new List<Document>(inputs);
        var reports = TransparencyView.Reports(site);
        foreach (var year in TransparencyView.Years(site))
        {
            var figures = TransparencyView.Figures(site, urls, TransparencyView.ReportsIn(site, year)).ToList();
            var folder = $"data/{year.ToString(CultureInfo.InvariantCulture)}/";
            files.Add(File(folder + "statistics.json", StatisticsExport.Json(figures, year)));
            files.Add(File(folder + "statistics.csv", StatisticsExport.Csv(figures)));
        }

        var all = TransparencyView.Figures(site, urls, reports).ToList();
        files.Add(File("data/statistics.json", StatisticsExport.Json(all, null)));
        files.Add(File("data/key-figures.csv", StatisticsExport.KeyFiguresCsv(all)));
        foreach (var language in options.Languages)
        {
            foreach (var report in reports)
            {
                files.Add(File(urls.Prefix(language) + report.Document.Path + TransparencyView.ChartFile, StatisticsChart.Render(report.Statistics, language)));
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>(files);
    }

    private static Document File(string destination, string content) => new() { Destination = destination, Content = content };
}
