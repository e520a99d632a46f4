using Publisher.Core.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>
/// Feeds, sitemap, robots.txt and the JSON data export, written as soon as they are made; the headers file,
/// which names the fingerprinted assets, once every pipeline has run its process phase.
/// </summary>
public sealed class SiteFilesPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public SiteFilesPipeline()
    {
        DependencyNames.Add(nameof(OfficesPipeline));
        DependencyNames.Add(nameof(DocumentsPipeline));
        Process.Add(new GenerateFeeds());
        Process.Add(new MemoizeAll(new GenerateSiteFiles(), GenerateSiteFiles.PathsKey));
        Process.Add(new MemoizeAll(new GenerateDataExport(), GenerateDataExport.InputsKey));
        Process.Add(new WriteFiles());
        PostProcess.Add(new GenerateHeadersFile());
        Output.Add(new WriteFiles());
    }
}
