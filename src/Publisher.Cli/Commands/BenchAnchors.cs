using System.Globalization;
using System.Text;
using Publisher.Bench;

namespace Publisher.Cli.Commands;

/// <summary>
/// The anchors of <c>publisher bench</c>, run from <c>shared/bench</c> on the same kind of corpus in the same run:
/// Hugo (its pages and JSON search index) and, with <c>--pagefind</c>, Pagefind over Hugo's output.
/// </summary>
internal static class BenchAnchors
{
    // Figures of shared/bench/results-table.md (Hugo 0.111, 2 cores), used only when Hugo cannot run here.
    private static readonly (int Documents, double Seconds, double Megabytes)[] IssueFigures = [(1000, 0.93, 193), (10000, 9.35, 1310), (25000, 38.77, 3318), (50000, 55.64, 7242)];

    /// <summary>
    /// Builds the harness's corpus of <paramref name="n"/> documents with Hugo (installed with apt-get if missing);
    /// when it cannot run (or <paramref name="harness"/>, the <c>shared/bench</c> folder, was not found), the figures
    /// of <c>shared/bench/results-table.md</c> nearest to <paramref name="n"/>, so labelled.
    /// </summary>
    public static async Task<HugoRun?> RunHugoAsync(
        int n, int seed, string directory, string seeds, string? harness, TextWriter error, CancellationToken cancellationToken)
    {
        var hugo = new[] { "/usr/bin/hugo", "/usr/local/bin/hugo" }.FirstOrDefault(File.Exists);
        if (hugo is null)
        {
            var install = await ChildRun.RunAsync("apt-get", ["install", "-y", "hugo"], directory, cancellationToken).ConfigureAwait(false);
            if (install.ExitCode != 0)
            {
                // A fresh machine has no package lists yet ("Unable to locate package hugo"): fetch them once and retry.
                await ChildRun.RunAsync("apt-get", ["update"], directory, cancellationToken).ConfigureAwait(false);
                install = await ChildRun.RunAsync("apt-get", ["install", "-y", "hugo"], directory, cancellationToken).ConfigureAwait(false);
            }

            hugo = install.ExitCode == 0 ? new[] { "/usr/bin/hugo", "/usr/local/bin/hugo" }.FirstOrDefault(File.Exists) : null;
        }

        if (hugo is not null && harness is not null)
        {
            var root = Path.Combine(directory, "hugo");
            var corpus = Path.Combine(root, "corpus");
            var generate = await ChildRun.RunAsync("python3", [Path.Combine(harness, "gen_corpus.py"), n.ToString(CultureInfo.InvariantCulture), corpus, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--seeds-dir", seeds], directory, cancellationToken).ConfigureAwait(false);
            if (generate.ExitCode == 0)
            {
                // The harness folder is read-only and Hugo writes a lock file into its source: use a copy.
                var source = Path.Combine(root, "hugo-site");
                BenchCommand.CopyFolder(Path.Combine(harness, "hugo-site"), source);
                var build = new HugoBuild(hugo, source, corpus, root);
                var destination = Path.Combine(root, "out");
                var run = await build.RunAsync(destination, cancellationToken).ConfigureAwait(false);
                if (run.ExitCode == 0)
                {
                    var summary = OutputSummary.Of(destination);
                    return new HugoRun("same run", run.WallSeconds, run.CpuSeconds, run.PeakBytes / 1048576.0, summary.Pages.ToString(CultureInfo.InvariantCulture), BenchCommand.Invariant($"{summary.Bytes / 1e6:F1}"), BenchCommand.Index(summary), destination)
                    {
                        Rebuild = build,
                    };
                }

                await error.WriteLineAsync($"Hugo failed (exit {run.ExitCode}): {run.Error}").ConfigureAwait(false);
            }
            else
            {
                await error.WriteLineAsync($"The Hugo corpus could not be generated: {generate.Error}").ConfigureAwait(false);
            }
        }

        var nearest = IssueFigures.MinBy(f => Math.Abs(f.Documents - n));
        await error.WriteLineAsync(hugo is null
            ? "Hugo could not be installed (apt-get update; apt-get install -y hugo failed); the Hugo figures below are NOT from this run."
            : "Hugo could not run here; the Hugo figures below are NOT from this run.").ConfigureAwait(false);
        return new HugoRun(BenchCommand.Invariant($"NOT this run: shared/bench/results-table.md, {nearest.Documents} docs"), nearest.Seconds, double.NaN, nearest.Megabytes, "-", "-", "-", Output: null);
    }

    /// <summary>
    /// Indexes Hugo's output of this run with Pagefind and compares the full build with Hugo and Pagefind together:
    /// what a Hugo site with Pagefind's Chinese search takes.
    /// </summary>
    public static async Task RunPagefindAsync(int n, string directory, string? harness, HugoRun hugo, ChildRunResult full, StringBuilder table, StringBuilder ratios, TextWriter error, CancellationToken cancellationToken)
    {
        if (hugo.Output is null || n > PagefindRun.MaxDocuments)
        {
            await error.WriteLineAsync(hugo.Output is null
                ? "Pagefind not run: it indexes Hugo's output of this run, and Hugo did not run."
                : BenchCommand.Invariant($"Pagefind not run above {PagefindRun.MaxDocuments:N0} documents: at 50,000 it ran out of memory (23 GB; shared/bench/results-table.md).")).ConfigureAwait(false);
            return;
        }

        var binary = await PagefindRun.FindOrInstallAsync(harness, directory, cancellationToken).ConfigureAwait(false);
        if (binary is null)
        {
            await error.WriteLineAsync($"Pagefind could not be installed (npm install pagefind@{PagefindRun.Version} failed); it was not run.").ConfigureAwait(false);
            return;
        }

        var index = Path.Combine(directory, "hugo", "pagefind");
        var run = await PagefindRun.RunAsync(binary, hugo.Output, index, cancellationToken).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            await error.WriteLineAsync($"Pagefind failed (exit {run.ExitCode}): {run.Error}").ConfigureAwait(false);
            return;
        }

        var summary = OutputSummary.Of(index);
        var megabytes = run.PeakBytes / 1048576.0;
        table.AppendLine(BenchCommand.Invariant($"| pagefind {PagefindRun.Version} over Hugo's output (same run) | {run.WallSeconds:F2} | {run.CpuSeconds:F1} | {megabytes:F0} | | | {summary.Bytes / 1e6:F2} ({summary.Files}) |"));
        ratios.AppendLine(BenchCommand.Invariant($"Against Hugo + Pagefind (Hugo's pages, Pagefind's Chinese index, one after the other): full build {full.WallSeconds / (hugo.Seconds + run.WallSeconds):F2}x their wall time, peak memory {full.PeakBytes / 1048576.0 / Math.Max(hugo.Megabytes, megabytes):F2}x the larger of theirs."));
    }

    /// <summary>
    /// Builds the same Hugo site again into a new output folder (<c>out-&lt;round&gt;</c>), for a round of
    /// <c>--rounds</c>; null when Hugo did not run in this run or failed now.
    /// </summary>
    public static async Task<ChildRunResult?> RebuildHugoAsync(HugoRun first, int round, CancellationToken cancellationToken)
    {
        if (first.Rebuild is not { } build)
        {
            return null;
        }

        var run = await build.RunAsync(Path.Combine(build.Root, BenchCommand.Invariant($"out-{round}")), cancellationToken).ConfigureAwait(false);
        return run.ExitCode == 0 ? run : null;
    }

    /// <summary>Hugo's figures; <paramref name="Output"/> is its output folder, null when the figures are not of this run.</summary>
    public sealed record HugoRun(string Label, double Seconds, double CpuSeconds, double Megabytes, string Pages, string OutputMegabytes, string Index, string? Output)
    {
        /// <summary>How to build the same site with Hugo again (null when the figures are not of this run).</summary>
        public HugoBuild? Rebuild { get; init; }
    }

    /// <summary>The Hugo binary, the harness's site (a copy), the generated corpus and the folder they are in.</summary>
    public sealed record HugoBuild(string Binary, string Source, string Corpus, string Root)
    {
        /// <summary>Builds the site with Hugo into <paramref name="destination"/>, timed.</summary>
        public Task<ChildRunResult> RunAsync(string destination, CancellationToken cancellationToken) =>
            ChildRun.RunAsync(Binary, ["--quiet", "--source", Source, "--contentDir", Corpus, "--destination", destination], Root, cancellationToken);
    }
}
