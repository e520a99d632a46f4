namespace Publisher.Bench;

/// <summary>The outcome of a measured child process.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="WallSeconds">Wall time in seconds.</param>
/// <param name="PeakBytes">Peak resident memory in bytes.</param>
/// <param name="Output">What it wrote to standard output.</param>
/// <param name="Error">What it wrote to standard error.</param>
public sealed record ChildRunResult(int ExitCode, double WallSeconds, long PeakBytes, string Output, string Error)
{
    /// <summary>
    /// CPU time in seconds, user plus system, summed over threads (NaN when unknown). On a shared machine it
    /// varies less than the wall time.
    /// </summary>
    public double CpuSeconds { get; init; } = double.NaN;
}
