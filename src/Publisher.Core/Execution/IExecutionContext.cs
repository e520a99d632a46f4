using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.IO;
using Publisher.Core.Pipelines;

namespace Publisher.Core.Execution;

/// <summary>What a module sees of the running build.</summary>
public interface IExecutionContext
{
    /// <summary>The pipeline being run.</summary>
    string PipelineName { get; }

    /// <summary>The phase being run.</summary>
    Phase Phase { get; }

    /// <summary>Where problems are collected.</summary>
    DiagnosticBag Diagnostics { get; }

    /// <summary>Counters for the build summary.</summary>
    BuildStatistics Statistics { get; }

    /// <summary>How many documents a module may process at once.</summary>
    int MaxDegreeOfParallelism { get; }

    /// <summary>The folder the site is read from.</summary>
    string InputDirectory { get; }

    /// <summary>The folder this build writes into (a staging folder that is swapped in on success).</summary>
    string OutputDirectory { get; }

    /// <summary>The incremental-build record, or null when the build does not use one.</summary>
    OutputCache? OutputCache => null;

    /// <summary>
    /// Where a module may set aside text it needs again only late in the build (<see cref="SpillFile"/>), or null
    /// when the run keeps everything in memory. Text set aside is gone when the build ends.
    /// </summary>
    SpillFile? Spill => null;

    /// <summary>False when the run only checks (<c>publisher check</c>): <see cref="Modules.WriteFiles"/> then writes nothing.</summary>
    bool WritesOutput => true;

    /// <summary>Cancels the build.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>
    /// The documents another pipeline has produced so far. In the process phase only a declared dependency may
    /// be read (its process phase has finished); later phases may read any pipeline.
    /// </summary>
    IReadOnlyList<Document> GetOutputs(string pipelineName);

    /// <summary>A shared service registered in <see cref="EngineOptions.Services"/>, such as the site settings.</summary>
    T GetService<T>()
        where T : class;
}
