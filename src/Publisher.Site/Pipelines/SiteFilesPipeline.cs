using Publisher.Core.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Model;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>Feeds, sitemap, robots.txt, the JSON data export and the security headers file.</summary>
public sealed class SiteFilesPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public SiteFilesPipeline()
    {
        DependencyNames.Add(nameof(OfficesPipeline));
        DependencyNames.Add(nameof(DocumentsPipeline));
        Process.Add(new MemoizeAll(new GenerateSiteFiles(), SourceDigests.SiteKey));
        PostProcess.Add(new AddCacheHeaders());
        Output.Add(new WriteFiles());
    }
}
