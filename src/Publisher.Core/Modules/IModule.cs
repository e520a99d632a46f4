using Publisher.Core.Documents;
using Publisher.Core.Execution;

namespace Publisher.Core.Modules;

/// <summary>A step of a pipeline phase: takes the documents so far and returns new ones.</summary>
public interface IModule
{
    /// <summary>Runs the module over all input documents of the phase.</summary>
    Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context);
}
