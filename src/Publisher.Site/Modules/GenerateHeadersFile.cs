using Publisher.Content.Configuration;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Pipelines;

namespace Publisher.Site.Modules;

/// <summary>
/// Writes the <c>_headers</c> file (the format Cloudflare Pages and Netlify read): a strict
/// Content-Security-Policy and the usual security headers for every path, then caching rules: HTML, feeds
/// and data are revalidated after five minutes; each fingerprinted asset may be cached for a year as
/// <c>immutable</c>, since a change gives it a new name. The <c>! Cache-Control</c> line detaches the short rule
/// of <c>/*</c> so the two are not combined (Cloudflare Pages merges the headers of every matching rule).
/// It runs after every pipeline's process phase, once the fingerprinted asset names are known; the other site
/// files are written before that, so they are not held in memory meanwhile.
/// </summary>
public sealed class GenerateHeadersFile : IModule
{
    /// <summary>The policy for pages and other files whose names do not change.</summary>
    public const string ShortCache = "public, max-age=300, must-revalidate";

    /// <summary>The policy for fingerprinted assets.</summary>
    public const string LongCache = "public, max-age=31536000, immutable";

    private const string SecurityHeaders =
        "/*\n" +
        "  Content-Security-Policy: default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'\n" +
        "  X-Content-Type-Options: nosniff\n" +
        "  Referrer-Policy: strict-origin-when-cross-origin\n" +
        "  X-Frame-Options: DENY\n" +
        "  Permissions-Policy: camera=(), microphone=(), geolocation=()\n" +
        "  Cross-Origin-Opener-Policy: same-origin\n";

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var basePath = context.GetService<SiteOptions>().BasePath;
        var fingerprinted = context.GetOutputs(nameof(AssetsPipeline))
            .Where(d => d.Get<string>(DeployKeys.AssetOriginal) is not null)
            .Select(d => d.Destination)
            .Order(StringComparer.Ordinal)
            .ToList();
        var headers = new Document
        {
            Destination = "_headers",
            Content = SecurityHeaders +
                $"  Cache-Control: {ShortCache}\n" +
                string.Concat(fingerprinted.Select(path => $"{basePath}{path}\n  ! Cache-Control\n  Cache-Control: {LongCache}\n")),
        };
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, headers]);
    }
}
