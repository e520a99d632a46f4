using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Modules;

namespace Publisher.Site.Modules;

/// <summary>Copies <c>schemas/*.json</c> of the site root to <c>/schemas/</c> in the output, byte for byte.</summary>
public sealed class CopySchemas : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var source = Path.Combine(context.InputDirectory, "schemas");
        if (!Directory.Exists(source))
        {
            return Task.FromResult<IReadOnlyList<Document>>([]);
        }

        foreach (var file in Directory.EnumerateFiles(source, "*.json").Order(StringComparer.Ordinal))
        {
            OutputFiles.Copy(context, file, "schemas/" + Path.GetFileName(file));
        }

        return Task.FromResult<IReadOnlyList<Document>>([]);
    }
}
