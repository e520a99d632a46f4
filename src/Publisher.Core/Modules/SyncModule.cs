using System.Runtime.ExceptionServices;
using Publisher.Core.Documents;
using Publisher.Core.Execution;

namespace Publisher.Core.Modules;

/// <summary>
/// Base class for modules whose work on one document is synchronous and returns at most one document. As with
/// <see cref="Module"/>, documents run in parallel within the engine's bound, come out in input order, and a failure
/// drops only its document with a diagnostic; but they run in a plain parallel loop, not as a task each: a one-edit
/// rebuild of 10,000 documents went through a dozen such modules, each allocating a task, a list and an
/// enumerator per document (about 30 MB a rebuild).
/// </summary>
public abstract class SyncModule : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        Prepare(inputs, context);
        var results = new Document?[inputs.Count];
        if (inputs.Count <= 1 || context.MaxDegreeOfParallelism == 1)
        {
            for (var index = 0; index < inputs.Count; index++)
            {
                results[index] = ExecuteGuarded(inputs[index], context);
            }
        }
        else
        {
            try
            {
                Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism, CancellationToken = context.CancellationToken }, index =>
                    results[index] = ExecuteGuarded(inputs[index], context));
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
            {
                // As the asynchronous loop does: the failure itself, not a wrapper (only a cancellation gets here).
                ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            }
        }

        var outputs = new List<Document>(inputs.Count);
        foreach (var output in results)
        {
            if (output is not null)
            {
                outputs.Add(output);
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }

    /// <summary>
    /// Called once with all the inputs before any is processed, for work worth starting early (nothing by default).
    /// </summary>
    protected virtual void Prepare(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
    }

    /// <summary>Processes one document; return null to drop it.</summary>
    protected abstract Document? Execute(Document input, IExecutionContext context);

    private Document? ExecuteGuarded(Document input, IExecutionContext context)
    {
        try
        {
            return Execute(input, context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Module.ReportFailure(this, ex, input, context);
            return null;
        }
    }
}
