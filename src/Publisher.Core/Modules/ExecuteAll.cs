using Publisher.Core.Documents;
using Publisher.Core.Execution;

namespace Publisher.Core.Modules;

/// <summary>Runs a function over the whole set of documents: the escape hatch for small, one-off steps.</summary>
/// <param name="execute">Takes the inputs and the context, returns the outputs.</param>
public sealed class ExecuteAll(Func<IReadOnlyList<Document>, IExecutionContext, IReadOnlyList<Document>> execute) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        Task.FromResult(execute(inputs, context));
}
