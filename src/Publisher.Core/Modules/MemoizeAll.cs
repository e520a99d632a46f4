using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;

namespace Publisher.Core.Modules;

/// <summary>
/// Wraps a module that adds many files made from one set of inputs (a search index, feeds, data files): when the
/// key of those inputs is unchanged since the last build and every file it produced then is still on disk, the
/// inner module does not run and its files go on as kept documents (<see cref="OutputCache.KeptKey"/>), which
/// <see cref="WriteFiles"/> leaves alone. The inner module must pass its inputs through unchanged and add its own
/// documents; it may write them itself (marked <see cref="WriteFiles.WrittenKey"/>) or keep some of the previous
/// build's as they are (<see cref="OutputCache.KeepPrevious"/>, marked <see cref="OutputCache.KeptKey"/>), and they
/// are recorded under the key all the same. The key always includes the build fingerprint (<see cref="OutputCache.Fingerprint"/>).
/// Without an incremental cache, or when the key function returns null, the inner module always runs.
/// </summary>
/// <param name="inner">The module to skip when its inputs are unchanged.</param>
/// <param name="inputsKey">Returns a hash of everything the inner module's output depends on.</param>
public sealed class MemoizeAll(IModule inner, Func<IExecutionContext, string?> inputsKey) : IModule
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var key = context.OutputCache is null ? null : inputsKey(context);
        if (key is null)
        {
            return await inner.ExecuteAsync(inputs, context).ConfigureAwait(false);
        }

        // The build fingerprint (code, settings, theme) is part of the key: a new site title or a changed theme
        // asset must reach feeds and the headers file even when no source changed.
        key = ContentHash.OfParts([context.OutputCache!.Fingerprint, context.PipelineName, inner.GetType().FullName ?? inner.GetType().Name, key]);
        if (context.OutputCache!.IsIncremental && context.OutputCache.TryKeepAll(key) is { } kept)
        {
            return [.. inputs, .. kept.Select(d => new Document { Destination = d }.WithMetadata(OutputCache.KeptKey, true))];
        }

        var passedThrough = new HashSet<Document>(inputs, ReferenceEqualityComparer.Instance);
        var outputs = await inner.ExecuteAsync(inputs, context).ConfigureAwait(false);
        return [.. outputs.Select(d => passedThrough.Contains(d) || d.Destination.Length == 0 ? d : Keyed(d, key, context.OutputCache))];
    }

    private static Document Keyed(Document document, string key, OutputCache cache)
    {
        if (document.Get<bool>(WriteFiles.WrittenKey) || document.Get<bool>(OutputCache.KeptKey))
        {
            cache.DeclareInputs(document.Destination, key);
        }

        return document.WithMetadata(OutputCache.InputsKey, key);
    }
}
