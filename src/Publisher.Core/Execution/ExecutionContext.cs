using System.Collections.Concurrent;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.IO;
using Publisher.Core.Pipelines;

namespace Publisher.Core.Execution;

/// <summary>The context handed to modules of one pipeline phase.</summary>
internal sealed class ExecutionContext(
    EngineOptions options,
    IPipeline pipeline,
    Phase phase,
    DiagnosticBag diagnostics,
    BuildStatistics statistics,
    ConcurrentDictionary<string, IReadOnlyList<Document>> published,
    CancellationToken cancellationToken) : IExecutionContext
{
    public string PipelineName => pipeline.Name;

    public Phase Phase => phase;

    public DiagnosticBag Diagnostics => diagnostics;

    public BuildStatistics Statistics => statistics;

    public int MaxDegreeOfParallelism => Math.Max(1, options.MaxDegreeOfParallelism);

    public string InputDirectory => options.InputDirectory;

    public string OutputDirectory => options.OutputDirectory;

    public CancellationToken CancellationToken => cancellationToken;

    public OutputCache? OutputCache => options.OutputCache;

    /// <inheritdoc />
    public SpillFile? Spill => options.Spill;

    /// <inheritdoc />
    public bool WritesOutput => options.WritesOutput;

    public IReadOnlyList<Document> GetOutputs(string pipelineName)
    {
        if (phase <= Phase.Process && !pipeline.Dependencies.Contains(pipelineName))
        {
            throw new InvalidOperationException(
                $"Pipeline '{pipeline.Name}' reads '{pipelineName}' in its {phase} phase without depending on it; add the dependency.");
        }

        return published.TryGetValue(pipelineName, out var documents) ? documents : [];
    }

    public T GetService<T>()
        where T : class =>
        options.Services.TryGetValue(typeof(T), out var service) && service is T typed
            ? typed
            : throw new InvalidOperationException($"No service of type {typeof(T).Name} is registered with the engine.");
}
