using Publisher.Core.Caching;
using Publisher.Core.IO;

namespace Publisher.Core.Execution;

/// <summary>Settings of one engine run.</summary>
public sealed record EngineOptions
{
    /// <summary>The folder the site is read from.</summary>
    public required string InputDirectory { get; init; }

    /// <summary>The folder modules write into.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>How many documents a module may process at once; defaults to the number of cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The incremental-build record; null builds everything.</summary>
    public OutputCache? OutputCache { get; init; }

    /// <summary>Where modules may set aside text they need again only late in the build; null keeps it in memory.</summary>
    public SpillFile? Spill { get; init; }

    /// <summary>False for a check-only run: files are not written (write steps may sit in any phase).</summary>
    public bool WritesOutput { get; init; } = true;

    /// <summary>Shared services modules can ask for by type (settings, renderers, caches).</summary>
    public IReadOnlyDictionary<Type, object> Services { get; init; } = new Dictionary<Type, object>();
}
