using Publisher.Content.Configuration;
using Publisher.Core.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>
/// The sharded search index of every language. A pipeline of its own, apart from the search page, so that the
/// index (the longest step of a build that changed one source) starts as soon as the documents are ready. The
/// languages are indexed one after the other, each on up to all cores (<see cref="Search.Indexing.IndexWriter"/>
/// analyses parts of the documents at the same time): indexing them at the same time held both languages' term
/// tables and postings at once, while pages were being rendered too. Each language's index is kept when the
/// documents it indexes did not change (<see cref="BuildSearchIndex.InputsKey"/>).
/// </summary>
public sealed class SearchIndexPipeline : Pipeline
{
    /// <summary>Creates the pipeline for a site.</summary>
    public SearchIndexPipeline(SiteOptions options)
    {
        DependencyNames.Add(nameof(OfficesPipeline));
        DependencyNames.Add(nameof(DocumentsPipeline));
        foreach (var language in options.Languages)
        {
            Process.Add(new MemoizeAll(new BuildSearchIndex(language), BuildSearchIndex.InputsKey(language)));
        }

        Process.Add(new WriteFiles());
        Output.Add(new WriteFiles());
    }
}
