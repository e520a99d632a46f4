using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Model;

namespace Publisher.Site.Modules;

/// <summary>
/// Gives every planned page that has no inputs key yet the key of the whole site's sources
/// (<see cref="SourceDigests.ListPageKey"/>), so an incremental build keeps it when no source changed. The
/// planners key the pages that show part of the site themselves (documents, offices, years, catalogues) or a few
/// values drawn from all of it (search, data: <see cref="SourceDigests.ValuesKey"/>); what is left are pages made
/// from the whole site (home, offices and years indexes, 404). Does nothing without an incremental cache.
/// </summary>
public sealed class KeyListPages : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        if (context.OutputCache is not { } cache)
        {
            return Task.FromResult(inputs);
        }

        var digests = SourceDigests.For(SiteModelFactory.Create(context), context);
        IReadOnlyList<Document> outputs = [.. inputs.Select(d => d.Destination.Length == 0 || d.Get<string>(OutputCache.InputsKey) is not null
            ? d
            : d.WithMetadata(OutputCache.InputsKey, digests.ListPageKey(cache, d.Destination, d.Get<string>(SiteKeys.Template) ?? string.Empty)))];
        return Task.FromResult(outputs);
    }
}
