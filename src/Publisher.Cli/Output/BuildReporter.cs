using System.Globalization;
using Publisher.Core.Execution;
using Spectre.Console;

namespace Publisher.Cli.Output;

/// <summary>
/// Shows a Spectre.Console spinner for builds that take longer than a second and a summary table at the end,
/// but only on a real terminal: when output is redirected or <c>CI</c> is set it writes plain lines with no
/// colour or cursor codes, so logs stay readable.
/// </summary>
internal static class BuildReporter
{
    private static readonly TimeSpan SpinnerDelay = TimeSpan.FromSeconds(1);

    /// <summary>True when <paramref name="output"/> is the console of a person, not a log or a pipe.</summary>
    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"));

    /// <summary>Runs the build, with a spinner when it is slow and the console is interactive.</summary>
    public static async Task<BuildResult> RunAsync(Func<Task<BuildResult>> build, TextWriter output)
    {
        var task = build();
        if (!IsInteractive(output) || await Task.WhenAny(task, Task.Delay(SpinnerDelay)).ConfigureAwait(false) == task)
        {
            return await task.ConfigureAwait(false);
        }

        return await AnsiConsole.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync("Building the site…", _ => task)
            .ConfigureAwait(false);
    }

    /// <summary>The summary of a successful build: a table on a terminal, one plain line otherwise.</summary>
    public static async Task WriteSummaryAsync(BuildResult result, TextWriter output)
    {
        var statistics = result.Statistics;
        if (!IsInteractive(output))
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Built {statistics.DocumentsRead} source files into {statistics.PagesWritten} pages ({statistics.FilesWritten} files, {statistics.BytesWritten / 1024.0:F0} KiB) in {result.Elapsed.TotalSeconds:F2} s.")).ConfigureAwait(false);
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("[green]Site built[/]")
            .AddColumn("Source files").AddColumn("Pages").AddColumn("Files").AddColumn("Size").AddColumn("Time");
        table.AddRow(
            statistics.DocumentsRead.ToString(CultureInfo.InvariantCulture),
            statistics.PagesWritten.ToString(CultureInfo.InvariantCulture),
            statistics.FilesWritten.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{statistics.BytesWritten / 1024.0:F0} KiB"),
            string.Create(CultureInfo.InvariantCulture, $"{result.Elapsed.TotalSeconds:F2} s"));
        AnsiConsole.Write(table);
    }

    /// <summary>Time per module, slowest first, as plain lines (for <c>build --timings</c> and the benchmark).</summary>
    public static async Task WriteTimingsAsync(BuildResult result, TextWriter output)
    {
        var memory = GC.GetGCMemoryInfo(GCKind.Any);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Memory: {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MB allocated; collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, pausing the build for {GC.GetTotalPauseDuration().TotalSeconds:F2} s; heap {memory.HeapSizeBytes / 1048576.0:F0} MB after the last one, {memory.PromotedBytes / 1048576.0:F0} MB of it promoted; {memory.TotalCommittedBytes / 1048576.0:F0} MB committed.")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Sources: {result.Statistics.SourceFilesOpened} files read from disk; the others were unchanged since the last build (same length and times) and not needed. Source folders listed: {result.Statistics.FoldersListed}, {(result.Statistics.FoldersListedFromWatcher == 0 ? "none" : result.Statistics.FoldersListedFromWatcher)} of them from a file watcher's reports (the last build's listing brought up to date).")).ConfigureAwait(false);
        await output.WriteLineAsync("Time per module (pipelines run concurrently, so times overlap):").ConfigureAwait(false);
        var spans = result.Statistics.ModuleSpans;
        foreach (var (module, elapsed) in result.Statistics.ModuleTimes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            if (elapsed.TotalMilliseconds >= 1)
            {
                var span = spans.TryGetValue(module, out var s) ? string.Create(CultureInfo.InvariantCulture, $"  (from {s.Started.TotalSeconds:F2} s to {s.Finished.TotalSeconds:F2} s)") : string.Empty;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds,8:F3} s  {module}{span}")).ConfigureAwait(false);
            }
        }
    }
}
