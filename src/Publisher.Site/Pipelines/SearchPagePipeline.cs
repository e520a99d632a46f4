using Publisher.Core.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>The search page of every language (the index is <see cref="SearchIndexPipeline"/>).</summary>
public sealed class SearchPagePipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public SearchPagePipeline()
    {
        DependencyNames.Add(nameof(OfficesPipeline));
        DependencyNames.Add(nameof(DocumentsPipeline));
        DependencyNames.Add(nameof(AssetsPipeline));
        Process.Add(new GenerateSearchPages());
        Process.Add(new KeyListPages());
        Process.Add(new Memoize(new RenderPages()));
        Process.Add(new WriteFiles());
        Output.Add(new WriteFiles());
    }
}
