using Publisher.Core.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>Plans, renders and writes every HTML page in every language.</summary>
public sealed class PagesPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public PagesPipeline()
    {
        DependencyNames.Add(nameof(OfficesPipeline));
        DependencyNames.Add(nameof(DocumentsPipeline));
        Process.Add(new GeneratePages());
        Process.Add(new Memoize(new RenderPages()));
        Output.Add(new WriteFiles());
    }
}
