using System.Security.Cryptography;
using System.Text;
using Publisher.Content.Configuration;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;

namespace Publisher.Site.Modules;

/// <summary>
/// Gives each theme stylesheet and script a second name carrying its content hash
/// (<c>assets/css/site.3f9a0c12be.css</c>), so hosts can cache it for a year: a changed file gets a new name.
/// The plain names are still copied by <see cref="CopyThemeAssets"/> for anything that refers to them directly.
/// </summary>
public sealed class FingerprintAssets : IModule
{
    private const int HashLength = 10;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".css", ".js", ".mjs" };

    /// <summary>
    /// The fingerprinted names the assets pipeline gave, by path under <c>assets/</c>, for pages to link to
    /// (<see cref="Model.SiteUrls"/>); the caller's pipeline must depend on <see cref="Pipelines.AssetsPipeline"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Names(IExecutionContext context) =>
        context.GetOutputs(nameof(Pipelines.AssetsPipeline))
            .Where(d => d.Get<string>(DeployKeys.AssetOriginal) is not null)
            .ToDictionary(d => d.GetRequired<string>(DeployKeys.AssetOriginal)["assets/".Length..], d => d.Destination, StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var source = Path.Combine(context.InputDirectory, options.ThemeDirectory, "assets");
        if (!Directory.Exists(source))
        {
            return Task.FromResult(inputs);
        }

        var assets = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var bytes = File.ReadAllBytes(file);
                var relative = "assets/" + Path.GetRelativePath(source, file).Replace('\\', '/');
                return new Document
                {
                    Source = Path.GetRelativePath(context.InputDirectory, file).Replace('\\', '/'),
                    Destination = Fingerprinted(relative, bytes),
                    Content = new UTF8Encoding(false).GetString(bytes),
                }.WithMetadata(DeployKeys.AssetOriginal, relative);
            });
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. assets]);
    }

    /// <summary>The fingerprinted name of an asset: the first hex digits of its SHA-256 before the extension.</summary>
    internal static string Fingerprinted(string relative, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..HashLength];
        var extension = Path.GetExtension(relative);
        return relative[..^extension.Length] + "." + hash + extension;
    }
}
