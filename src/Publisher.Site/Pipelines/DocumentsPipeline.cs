using Publisher.Content.Configuration;
using Publisher.Content.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>Reads, parses, renders and cross-checks every Markdown document and page.</summary>
public sealed class DocumentsPipeline : Pipeline
{
    /// <summary>Creates the pipeline for a site.</summary>
    public DocumentsPipeline(SiteOptions options)
    {
        DependencyNames.Add(nameof(OfficesPipeline));
        Input.Add(new ReadContentFiles(options.ContentDirectory, "*.md", "offices"));
        Process.Add(new Transparency.Modules.ParseStatistics());
        Process.Add(new ParseDocuments());
        Process.Add(new RenderMarkdown());
        Process.Add(new ValidateDocuments());
    }
}
