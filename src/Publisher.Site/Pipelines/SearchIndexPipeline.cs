using Publisher.Core.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Model;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>The search page and the sharded search index of every language.</summary>
public sealed class SearchIndexPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public SearchIndexPipeline()
    {
        DependencyNames.Add(nameof(OfficesPipeline));
        DependencyNames.Add(nameof(DocumentsPipeline));
        Process.Add(new GenerateSearchPages());
        Process.Add(new KeyListPages());
        Process.Add(new Memoize(new RenderPages()));
        Process.Add(new MemoizeAll(new BuildSearchIndex(), SourceDigests.SiteKey));
        Process.Add(new WriteFiles());
        Output.Add(new WriteFiles());
    }
}
