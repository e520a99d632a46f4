using Publisher.Content.Configuration;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Pipelines;

namespace Publisher.Site.Modules;

/// <summary>
/// Adds caching rules to the <c>_headers</c> file (the format Cloudflare Pages and Netlify read): HTML, feeds
/// and data are revalidated after five minutes; each fingerprinted asset may be cached for a year as
/// <c>immutable</c>, since a change gives it a new name. The <c>! Cache-Control</c> line detaches the short rule
/// of <c>/*</c> so the two are not combined (Cloudflare Pages merges the headers of every matching rule).
/// </summary>
public sealed class AddCacheHeaders : IModule
{
    /// <summary>The policy for pages and other files whose names do not change.</summary>
    public const string ShortCache = "public, max-age=300, must-revalidate";

    /// <summary>The policy for fingerprinted assets.</summary>
    public const string LongCache = "public, max-age=31536000, immutable";

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var basePath = context.GetService<SiteOptions>().BasePath;
        var fingerprinted = context.GetOutputs(nameof(AssetsPipeline))
            .Where(d => d.Get<string>(DeployKeys.AssetOriginal) is not null)
            .Select(d => d.Destination)
            .Order(StringComparer.Ordinal)
            .ToList();
        IReadOnlyList<Document> outputs = [.. inputs.Select(d => d.Destination != "_headers" ? d : d.WithContent(
            d.Content +
            $"  Cache-Control: {ShortCache}\n" +
            string.Concat(fingerprinted.Select(path => $"{basePath}{path}\n  ! Cache-Control\n  Cache-Control: {LongCache}\n"))))];
        return Task.FromResult(outputs);
    }
}
