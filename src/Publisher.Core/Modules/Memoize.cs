using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;

namespace Publisher.Core.Modules;

/// <summary>
/// Wraps an expensive module (rendering): a document whose producer set <see cref="OutputCache.InputsKey"/> and
/// whose output from the previous build was made from the same inputs skips the inner module; it goes on marked
/// <see cref="OutputCache.KeptKey"/> with no content, and <see cref="WriteFiles"/> leaves the file as it is.
/// Without an incremental cache every document goes through the inner module.
/// </summary>
/// <param name="inner">The module to skip for unchanged documents.</param>
public sealed class Memoize(IModule inner) : IModule
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var cache = context.OutputCache;
        if (cache is null || !cache.IsIncremental)
        {
            return await inner.ExecuteAsync(inputs, context).ConfigureAwait(false);
        }

        var kept = new List<Document>();
        var changed = new List<Document>();
        foreach (var input in inputs)
        {
            if (input.Destination.Length > 0 && input.Get<string>(OutputCache.InputsKey) is { } key && cache.TryKeep(input.Destination, key))
            {
                kept.Add(input.WithContent(string.Empty).WithMetadata(OutputCache.KeptKey, true));
            }
            else
            {
                changed.Add(input);
            }
        }

        var produced = await inner.ExecuteAsync(changed, context).ConfigureAwait(false);
        return [.. produced, .. kept];
    }
}
