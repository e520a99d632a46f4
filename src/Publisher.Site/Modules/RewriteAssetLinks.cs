using Publisher.Content.Configuration;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Pipelines;

namespace Publisher.Site.Modules;

/// <summary>
/// Points every page at the fingerprinted names of the theme's stylesheets and scripts that
/// <see cref="FingerprintAssets"/> produced: <c>"/base/assets/css/site.css"</c> becomes
/// <c>"/base/assets/css/site.3f9a0c12be.css"</c>. Only whole, quoted attribute values are replaced.
/// </summary>
public sealed class RewriteAssetLinks : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var basePath = context.GetService<SiteOptions>().BasePath;
        var map = context.GetOutputs(nameof(AssetsPipeline))
            .Where(d => d.Get<string>(DeployKeys.AssetOriginal) is not null)
            .Select(d => ("\"" + basePath + d.GetRequired<string>(DeployKeys.AssetOriginal) + "\"", "\"" + basePath + d.Destination + "\""))
            .ToList();
        if (map.Count == 0)
        {
            return Task.FromResult(inputs);
        }

        var marker = "\"" + basePath + "assets/";
        IReadOnlyList<Document> outputs = [.. inputs.Select(page =>
        {
            if (!page.Destination.EndsWith(".html", StringComparison.Ordinal) || !page.Content.Contains(marker, StringComparison.Ordinal))
            {
                return page;
            }

            var html = page.Content;
            foreach (var (original, fingerprinted) in map)
            {
                html = html.Replace(original, fingerprinted, StringComparison.Ordinal);
            }

            return page.WithContent(html);
        })];
        return Task.FromResult(outputs);
    }
}
