using Publisher.Core.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Model;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>Disclosure catalogues, the open-data page, statistics files and charts (issue 9).</summary>
public sealed class TransparencyPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public TransparencyPipeline()
    {
        DependencyNames.Add(nameof(OfficesPipeline));
        DependencyNames.Add(nameof(DocumentsPipeline));
        DependencyNames.Add(nameof(AssetsPipeline));
        Process.Add(new GenerateTransparencyPages());
        Process.Add(new KeyListPages());
        Process.Add(new Memoize(new ForEachDocument(new RenderPages(), new WriteFiles())));
        Process.Add(new MemoizeAll(new GenerateTransparencyFiles(), SourceDigests.SiteKey));
        Output.Add(new WriteFiles());
    }
}
