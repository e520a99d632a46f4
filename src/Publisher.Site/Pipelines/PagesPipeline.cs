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
        DependencyNames.Add(nameof(AttachmentsPipeline));
        Process.Add(new GeneratePages());
        Process.Add(new Memoize(new RenderPages()));
        Process.Add(new GenerateRedirects());
        PostProcess.Add(new RewriteAssetLinks());
        PostProcess.Add(new ValidateLinks(nameof(SiteFilesPipeline), nameof(AssetsPipeline), nameof(AttachmentsPipeline), nameof(TransparencyPipeline), nameof(SearchIndexPipeline), nameof(SchemasPipeline)));
        Output.Add(new WriteFiles());
    }
}
