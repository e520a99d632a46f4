using Publisher.Core.Documents;
using Publisher.Core.Execution;

namespace Publisher.Core.Modules;

/// <summary>
/// Runs a chain of modules on each document separately (as Statiq's <c>ForEachDocument</c> does): a document
/// goes through every child module before the next document starts, documents run in parallel bounded by the
/// engine, and outputs come out in input order. Used to stream pages: render, post-process and write one page,
/// then let it go, instead of holding every rendered page in memory until the next module.
/// </summary>
/// <param name="modules">The modules each document goes through, in order.</param>
public sealed class ForEachDocument(params IModule[] modules) : IModule
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var results = new IReadOnlyList<Document>[inputs.Count];
        var single = new SingleDocumentContext(context);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, inputs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism, CancellationToken = context.CancellationToken },
            async (index, _) =>
            {
                IReadOnlyList<Document> documents = [inputs[index]];
                foreach (var module in modules)
                {
                    documents = await module.ExecuteAsync(documents, single).ConfigureAwait(false);
                    if (documents.Count == 0)
                    {
                        break;
                    }
                }

                results[index] = documents;
            }).ConfigureAwait(false);
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>
    /// The outer parallel loop already uses every core: child modules see a degree of parallelism of one, so a
    /// per-document module does not start a second parallel loop for its single document.
    /// </summary>
    private sealed class SingleDocumentContext(IExecutionContext outer) : IExecutionContext
    {
        public string PipelineName => outer.PipelineName;

        public Pipelines.Phase Phase => outer.Phase;

        public Diagnostics.DiagnosticBag Diagnostics => outer.Diagnostics;

        public BuildStatistics Statistics => outer.Statistics;

        public int MaxDegreeOfParallelism => 1;

        public string InputDirectory => outer.InputDirectory;

        public string OutputDirectory => outer.OutputDirectory;

        public Caching.OutputCache? OutputCache => outer.OutputCache;

        public bool WritesOutput => outer.WritesOutput;

        public CancellationToken CancellationToken => outer.CancellationToken;

        public IReadOnlyList<Document> GetOutputs(string pipelineName) => outer.GetOutputs(pipelineName);

        public T GetService<T>()
            where T : class => outer.GetService<T>();
    }
}
