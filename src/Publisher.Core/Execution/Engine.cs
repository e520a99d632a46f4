using System.Collections.Concurrent;
using System.Diagnostics;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Pipelines;

namespace Publisher.Core.Execution;

/// <summary>
/// Runs pipelines the way Statiq does: every input phase concurrently; process phases as soon as their
/// dependencies' process phases finish; then every post-process phase; then every output phase.
/// </summary>
/// <param name="options">Folders, parallelism and services of the run.</param>
public sealed class Engine(EngineOptions options)
{
    /// <summary>Runs the pipelines and returns what they produced.</summary>
    /// <exception cref="PipelineCycleException">A dependency is missing or the dependencies form a cycle.</exception>
    public async Task<BuildResult> RunAsync(IReadOnlyList<IPipeline> pipelines, CancellationToken cancellationToken = default)
    {
        var byName = Index(pipelines);
        CheckForCycles(byName);

        var stopwatch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var statistics = new BuildStatistics();
        var published = new ConcurrentDictionary<string, IReadOnlyList<Document>>(StringComparer.Ordinal);

        Task<IReadOnlyList<Document>> Run(IPipeline pipeline, Phase phase, IReadOnlyList<Document> inputs) =>
            RunPhaseAsync(pipeline, phase, inputs, new ExecutionContext(options, pipeline, phase, diagnostics, statistics, published, cancellationToken));

        // A pipeline's inputs are let go once its process phase has them: the documents pipeline's inputs are the
        // text of every source file (35 MB of strings at 10k documents), held to the end of the build before.
        var inputs = new ConcurrentDictionary<string, IReadOnlyList<Document>>(
            await RunAllAsync(pipelines, p => Run(p, Phase.Input, [])).ConfigureAwait(false),
            StringComparer.Ordinal);

        var processTasks = new Dictionary<string, Task<IReadOnlyList<Document>>>(StringComparer.Ordinal);
        Task<IReadOnlyList<Document>> Process(IPipeline pipeline)
        {
            if (!processTasks.TryGetValue(pipeline.Name, out var task))
            {
                var dependencies = pipeline.Dependencies.Select(d => Process(byName[d])).ToArray();
                task = ProcessAfterAsync(dependencies, pipeline);
                processTasks[pipeline.Name] = task;
            }

            return task;
        }

        async Task<IReadOnlyList<Document>> ProcessAfterAsync(Task<IReadOnlyList<Document>>[] dependencies, IPipeline pipeline)
        {
            await Task.WhenAll(dependencies).ConfigureAwait(false);
            inputs.TryRemove(pipeline.Name, out var pipelineInputs);
            var output = await Run(pipeline, Phase.Process, pipelineInputs!).ConfigureAwait(false);
            published[pipeline.Name] = output;
            return output;
        }

        var processed = await RunAllAsync(pipelines, Process).ConfigureAwait(false);
        var postProcessed = await RunAllAsync(pipelines, p => Run(p, Phase.PostProcess, processed[p.Name])).ConfigureAwait(false);
        foreach (var (name, documents) in postProcessed)
        {
            published[name] = documents;
        }

        var outputs = await RunAllAsync(pipelines, p => Run(p, Phase.Output, postProcessed[p.Name])).ConfigureAwait(false);
        return new BuildResult(diagnostics.ToSortedList(), statistics, stopwatch.Elapsed, outputs);
    }

    private static async Task<Dictionary<string, IReadOnlyList<Document>>> RunAllAsync(
        IReadOnlyList<IPipeline> pipelines,
        Func<IPipeline, Task<IReadOnlyList<Document>>> run)
    {
        var results = await Task.WhenAll(pipelines.Select(async p => (p.Name, Documents: await run(p).ConfigureAwait(false)))).ConfigureAwait(false);
        return results.ToDictionary(r => r.Name, r => r.Documents, StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyList<Document>> RunPhaseAsync(
        IPipeline pipeline,
        Phase phase,
        IReadOnlyList<Document> inputs,
        IExecutionContext context)
    {
        // Yield first so that independent pipelines really run concurrently.
        await Task.Yield();
        var documents = inputs;
        foreach (var module in pipeline.Modules(phase))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            try
            {
                documents = await module.ExecuteAsync(documents, context).ConfigureAwait(false);
            }
            catch (ContentException ex)
            {
                context.Diagnostics.Add(ex.Diagnostic);
                return [];
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.Diagnostics.Error(
                    "PUB0002",
                    new SourceSpan($"pipeline {pipeline.Name}"),
                    $"unexpected failure in module {module.GetType().Name} ({phase} phase): {ex.GetType().Name}: {ex.Message}",
                    "This is a bug in Publisher or the theme; please report it.");
                return [];
            }
            finally
            {
                context.Statistics.AddModuleRun($"{pipeline.Name}/{phase}/{module.GetType().Name}", started);
            }
        }

        return documents;
    }

    private static Dictionary<string, IPipeline> Index(IReadOnlyList<IPipeline> pipelines)
    {
        var byName = new Dictionary<string, IPipeline>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            if (!byName.TryAdd(pipeline.Name, pipeline))
            {
                throw new PipelineCycleException($"Two pipelines are named '{pipeline.Name}'; pipeline names must be unique.");
            }
        }

        foreach (var pipeline in pipelines)
        {
            foreach (var dependency in pipeline.Dependencies.Where(d => !byName.ContainsKey(d)))
            {
                throw new PipelineCycleException($"Pipeline '{pipeline.Name}' depends on '{dependency}', which does not exist.");
            }
        }

        return byName;
    }

    private static void CheckForCycles(Dictionary<string, IPipeline> byName)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        void Visit(string name)
        {
            var at = path.IndexOf(name);
            if (at >= 0)
            {
                var cycle = string.Join(" -> ", path.Skip(at).Append(name));
                throw new PipelineCycleException($"Pipeline dependencies form a cycle: {cycle}. Remove one of these dependencies.");
            }

            if (!done.Add(name))
            {
                return;
            }

            path.Add(name);
            foreach (var dependency in byName[name].Dependencies.Order(StringComparer.Ordinal))
            {
                Visit(dependency);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var name in byName.Keys.Order(StringComparer.Ordinal))
        {
            Visit(name);
        }
    }
}
