using System.Text;
using Publisher.Content.Configuration;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Core.Text;
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
    /// Replace per asset scanned and copied a 12 KB page once per asset); null when nothing was replaced. The
    /// quoted values are looked up as spans and the page is built in a reused builder, so a page costs one new
    /// string (a substring per quoted value and a growing builder per page were 0.5 GB of a 10k build's allocations).
    /// </summary>
    private static string? Rewrite(string html, string marker, Dictionary<string, string> map)
    {
        var lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
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

            if (lookup.TryGetValue(html.AsSpan(index, end + 1 - index), out var fingerprinted))
            {
                builder ??= ReusedStringBuilder.Rent();
                builder.Append(html, copied, index - copied).Append(fingerprinted);
                copied = end + 1;
            }

            index = end + 1;
        }

        return builder is null ? null : ReusedStringBuilder.ToStringAndReturn(builder.Append(html, copied, html.Length - copied));
    }
}
