using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;

namespace Publisher.Core.Modules;

/// <summary>
/// Base class for modules that work one document at a time. Documents run in parallel (bounded by the engine's
/// degree of parallelism) and come out in input order. A <see cref="ContentException"/> from one document becomes
/// an error diagnostic and drops only that document; an unexpected exception is reported naming the file.
/// </summary>
public abstract class Module : IModule
{
    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var results = new IEnumerable<Document>?[inputs.Count];
        if (inputs.Count <= 1 || context.MaxDegreeOfParallelism == 1)
        {
            // One document (as inside ForEachDocument) or no parallelism: no parallel loop to schedule.
            for (var index = 0; index < inputs.Count; index++)
            {
                results[index] = await ExecuteGuardedAsync(inputs[index], context).ConfigureAwait(false);
            }

            return [.. results.SelectMany(r => r ?? [])];
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, inputs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism, CancellationToken = context.CancellationToken },
            async (index, _) => results[index] = await ExecuteGuardedAsync(inputs[index], context).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. results.SelectMany(r => r ?? [])];
    }

    /// <summary>Processes one document; return no document to drop it, several to split it.</summary>
    protected abstract Task<IEnumerable<Document>> ExecuteDocumentAsync(Document input, IExecutionContext context);

    private async Task<IEnumerable<Document>?> ExecuteGuardedAsync(Document input, IExecutionContext context)
    {
        try
        {
            return await ExecuteDocumentAsync(input, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ReportFailure(this, ex, input, context);
            return null;
        }
    }

    /// <summary>
    /// Reports the failure of one document in <paramref name="module"/>, which then drops it: a
    /// <see cref="ContentException"/> as its diagnostic, any other exception as an error that names the file (also
    /// for <see cref="SyncModule"/>).
    /// </summary>
    internal static void ReportFailure(IModule module, Exception exception, Document input, IExecutionContext context)
    {
        if (exception is ContentException content)
        {
            context.Diagnostics.Add(content.Diagnostic);
            return;
        }

        // A file that could not be read or written (a full disk, no inodes left, no permission) is the machine's
        // doing, not a bug: at 50,000 documents a bench disk out of inodes printed 220,000 errors that each asked
        // for a bug report.
        context.Diagnostics.Error(
            "PUB0001",
            new SourceSpan(input.Source.Length > 0 ? input.Source : input.Destination),
            $"unexpected failure in {module.GetType().Name} while processing this file: {exception.GetType().Name}: {exception.Message}",
            exception is IOException or UnauthorizedAccessException
                ? "A file could not be read or written: check that the disk has free space and free inodes (df -h, df -i) and that the site's folders can be written, then build again. Nothing was published."
                : "This is a bug in Publisher or the theme; please report it with this file attached.");
    }
}
