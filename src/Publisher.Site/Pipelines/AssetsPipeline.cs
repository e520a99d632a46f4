using Publisher.Core.Modules;
using Publisher.Core.Pipelines;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>Copies the theme's static files, and writes fingerprinted copies of its stylesheets and scripts.</summary>
public sealed class AssetsPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public AssetsPipeline()
    {
        Process.Add(new FingerprintAssets());
        Output.Add(new WriteFiles());
        Output.Add(new CopyThemeAssets());
    }
}
