using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;

namespace Publisher.Core.Execution;

/// <summary>What a run produced: diagnostics, counters, time and each pipeline's final documents.</summary>
/// <param name="Diagnostics">Every problem found, in a stable order.</param>
/// <param name="Statistics">The counters.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Outputs">Each pipeline's documents after its last phase.</param>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    BuildStatistics Statistics,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, IReadOnlyList<Document>> Outputs)
{
    /// <summary>True when no error was reported.</summary>
    public bool Succeeded => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}
