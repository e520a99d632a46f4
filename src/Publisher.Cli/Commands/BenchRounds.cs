using System.Globalization;
using System.Text;
using Publisher.Bench;

namespace Publisher.Cli.Commands;

/// <summary>
/// <c>publisher bench --rounds N</c>: the full build measured N times, each into a new output folder, alternating
/// with Hugo's build of its corpus when Hugo ran. On a shared machine one pair of wall times moves the ratio against
/// Hugo by about a quarter from run to run; the median of several alternating rounds is the figure to quote.
/// </summary>
internal static class BenchRounds
{
    /// <summary>
    /// Runs rounds 2 to <paramref name="rounds"/> (<paramref name="first"/> and <paramref name="hugo"/> are round 1)
    /// and returns the lines that report them, with the one-edit builds measured before them
    /// (<paramref name="oneEdits"/>, one per round) against the full builds' median.
    /// </summary>
    public static async Task<string> RunAsync(
        int rounds,
        ChildRunResult first,
        BenchAnchors.HugoRun? hugo,
        IReadOnlyList<ChildRunResult> oneEdits,
        Func<int, Task<ChildRunResult>> buildFull,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var builds = new List<ChildRunResult> { first };
        var hugos = new List<ChildRunResult>();
        if (hugo?.Rebuild is not null)
        {
            hugos.Add(new ChildRunResult(0, hugo.Seconds, (long)(hugo.Megabytes * 1048576.0), string.Empty, string.Empty) { CpuSeconds = hugo.CpuSeconds });
        }

        for (var round = 2; round <= rounds; round++)
        {
            var build = await buildFull(round).ConfigureAwait(false);
            if (build.ExitCode != 0)
            {
                await error.WriteLineAsync($"publisher bench: the full build of round {round} failed (exit {build.ExitCode}); no more rounds.\n{build.Error}").ConfigureAwait(false);
                break;
            }

            builds.Add(build);
            if (hugos.Count > 0)
            {
                if (await BenchAnchors.RebuildHugoAsync(hugo!, round, cancellationToken).ConfigureAwait(false) is not { } again)
                {
                    await error.WriteLineAsync($"publisher bench: Hugo failed in round {round}; the rounds below compare only the rounds it finished.").ConfigureAwait(false);
                    break;
                }

                hugos.Add(again);
            }
        }

        var report = new StringBuilder();
        report.AppendLine(Line($"Full build, {builds.Count} rounds (each into a new output folder{(hugos.Count > 0 ? ", alternating with Hugo" : string.Empty)})", builds));
        if (oneEdits.Count > 1)
        {
            var ratio = BenchCommand.Median(oneEdits.Select(r => r.WallSeconds)) / BenchCommand.Median(builds.Select(r => r.WallSeconds));
            report.AppendLine(Line($"One file edited, {oneEdits.Count} builds (a new edit before each)", oneEdits));
            report.AppendLine(BenchCommand.Invariant($"One edited file, median of {oneEdits.Count}: {ratio:P0} of the full builds' median (target <= 5%)."));
        }

        if (hugos.Count > 0)
        {
            report.AppendLine(Line($"Hugo, {hugos.Count} rounds", hugos));
            var pairs = builds.Zip(hugos).ToList();
            var wall = pairs.Select(p => p.First.WallSeconds / p.Second.WallSeconds).ToList();
            var memory = pairs.Select(p => (double)p.First.PeakBytes / p.Second.PeakBytes).ToList();
            report.AppendLine(BenchCommand.Invariant(
                $"Full build against Hugo, round by round: {Join(wall, "F2")}x wall time (median {BenchCommand.Median(wall):F2}x, target <= 0.5x); {Join(memory, "F2")}x peak memory (median {BenchCommand.Median(memory):F2}x, target <= 0.25x)."));
        }

        return report.ToString();
    }

    private static string Line(string title, IReadOnlyList<ChildRunResult> runs) => BenchCommand.Invariant(
        $"{title}: {Join(runs.Select(r => r.WallSeconds), "F2")} s wall (median {BenchCommand.Median(runs.Select(r => r.WallSeconds)):F2}); {Join(runs.Select(r => r.CpuSeconds), "F1")} s CPU (median {BenchCommand.Median(runs.Select(r => r.CpuSeconds)):F1}); {Join(runs.Select(r => r.PeakBytes / 1048576.0), "F0")} MB peak (median {BenchCommand.Median(runs.Select(r => r.PeakBytes / 1048576.0)):F0}).");

    private static string Join(IEnumerable<double> values, string format) =>
        string.Join(" / ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));
}
