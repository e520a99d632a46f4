using Publisher.Core.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>
/// Plans, renders and writes every HTML page in every language. Each page is rendered, pointed at the
/// fingerprinted assets, scanned for links and written in one pass (<see cref="ForEachDocument"/>), so rendered
/// pages are not all held in memory; links are checked once every pipeline's outputs are known.
/// </summary>
public sealed class PagesPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public PagesPipeline()
    {
        DependencyNames.Add(nameof(OfficesPipeline));
        DependencyNames.Add(nameof(DocumentsPipeline));
        DependencyNames.Add(nameof(AttachmentsPipeline));
        DependencyNames.Add(nameof(AssetsPipeline));
        Process.Add(new GeneratePages());
        Process.Add(new KeyListPages());
        Process.Add(new Memoize(new ForEachDocument(new RenderPages(), new CollectLinks(), new WriteFiles())));
        Process.Add(new GenerateRedirects());
        Process.Add(new CollectLinks());
        PostProcess.Add(new ValidateLinks(nameof(SiteFilesPipeline), nameof(AssetsPipeline), nameof(AttachmentsPipeline), nameof(TransparencyPipeline), nameof(SearchPagePipeline), nameof(SearchIndexPipeline), nameof(SchemasPipeline)));
        Output.Add(new WriteFiles());
    }
}
