using Publisher.Content.Configuration;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Modules;

namespace Publisher.Site.Modules;

/// <summary>Copies the theme's <c>assets/</c> folder (CSS, JavaScript, images) to <c>/assets/</c> byte for byte.</summary>
public sealed class CopyThemeAssets : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var source = Path.Combine(context.InputDirectory, options.ThemeDirectory, "assets");
        if (!Directory.Exists(source))
        {
            return Task.FromResult<IReadOnlyList<Document>>([]);
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            OutputFiles.Copy(context, file, "assets/" + Path.GetRelativePath(source, file).Replace('\\', '/'));
        }

        return Task.FromResult<IReadOnlyList<Document>>([]);
    }
}
