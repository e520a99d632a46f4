using Publisher.Content.Configuration;
using Publisher.Content.Modules;
using Publisher.Core.Pipelines;

namespace Publisher.Site.Pipelines;

/// <summary>Reads the office records of <c>content/offices/</c>.</summary>
public sealed class OfficesPipeline : Pipeline
{
    /// <summary>Creates the pipeline for a site.</summary>
    public OfficesPipeline(SiteOptions options)
    {
        Input.Add(new ReadContentFiles(Path.Combine(options.ContentDirectory, "offices"), "*.yml"));
        Process.Add(new ParseOffices());
    }
}
