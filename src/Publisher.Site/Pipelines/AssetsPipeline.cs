using Publisher.Core.Pipelines;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>Copies the theme's static files.</summary>
public sealed class AssetsPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public AssetsPipeline() => Output.Add(new CopyThemeAssets());
}
