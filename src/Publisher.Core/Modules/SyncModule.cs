using Publisher.Core.Documents;
using Publisher.Core.Execution;

namespace Publisher.Core.Modules;

/// <summary>A <see cref="Module"/> whose per-document work is synchronous and returns at most one document.</summary>
public abstract class SyncModule : Module
{
    /// <summary>Processes one document; return null to drop it.</summary>
    protected abstract Document? Execute(Document input, IExecutionContext context);

    /// <inheritdoc />
    protected sealed override Task<IEnumerable<Document>> ExecuteDocumentAsync(Document input, IExecutionContext context)
    {
        var output = Execute(input, context);
        return Task.FromResult<IEnumerable<Document>>(output is null ? [] : [output]);
    }
}
