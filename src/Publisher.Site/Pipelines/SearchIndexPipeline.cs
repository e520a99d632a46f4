using Publisher.Core.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Model;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>
/// The sharded search index of every language. A pipeline of its own, apart from the search page, so that the
/// index (the longest step of a build that changed one source) starts as soon as the documents are ready.
/// </summary>
public sealed class SearchIndexPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public SearchIndexPipeline()
    {
        DependencyNames.Add(nameof(OfficesPipeline));
        DependencyNames.Add(nameof(DocumentsPipeline));
        Process.Add(new MemoizeAll(new BuildSearchIndex(), SourceDigests.SiteKey));
        Process.Add(new WriteFiles());
        Output.Add(new WriteFiles());
    }
}
