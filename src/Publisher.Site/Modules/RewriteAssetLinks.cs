using System.Text;
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
            .ToDictionary(d => "\"" + basePath + d.GetRequired<string>(DeployKeys.AssetOriginal) + "\"", d => "\"" + basePath + d.Destination + "\"", StringComparer.Ordinal);
        if (map.Count == 0)
        {
            return Task.FromResult(inputs);
        }

        var marker = "\"" + basePath + "assets/";
        IReadOnlyList<Document> outputs = [.. inputs.Select(page =>
            page.Destination.EndsWith(".html", StringComparison.Ordinal) && Rewrite(page.Content, marker, map) is { } html ? page.WithContent(html) : page)];
        return Task.FromResult(outputs);
    }

    /// <summary>
    /// The page with every quoted asset path of <paramref name="map"/> replaced, in one pass over the page (a
    /// Replace per asset scanned and copied a 12 KB page once per asset); null when nothing was replaced.
    /// </summary>
    internal static string? Rewrite(string html, string marker, IReadOnlyDictionary<string, string> map)
    {
        StringBuilder? builder = null;
        var copied = 0;
        var index = 0;
        while ((index = html.IndexOf(marker, index, StringComparison.Ordinal)) >= 0)
        {
            var end = html.IndexOf('"', index + marker.Length);
            if (end < 0)
            {
                break;
            }

            if (map.TryGetValue(html[index..(end + 1)], out var fingerprinted))
            {
                builder ??= new StringBuilder(html.Length + 64);
                builder.Append(html, copied, index - copied).Append(fingerprinted);
                copied = end + 1;
            }

            index = end + 1;
        }

        return builder?.Append(html, copied, html.Length - copied).ToString();
    }
}
