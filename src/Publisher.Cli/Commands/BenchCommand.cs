using System.CommandLine;
using System.Globalization;
using System.Text;
using Publisher.Bench;

namespace Publisher.Cli.Commands;

/// <summary>
/// <c>publisher bench</c>: generates a realistic corpus, builds it in a child process (so wall time and peak
/// memory are those of a real <c>publisher build</c>), builds it again in full into a new output folder with the templates already compiled, rebuilds it with nothing changed and with one file edited,
/// times the rebuilds of <c>publisher serve</c> after an edit, and with <c>--hugo</c> builds the same kind of corpus with Hugo through <c>shared/bench</c> in the same run
/// (<c>--pagefind</c>: and indexes Hugo's output with Pagefind).
/// </summary>
internal static class BenchCommand
{
    private const string FullOutput = "_site-full";
    private const int PreviewEdits = 5;

    // Figures of shared/bench/results-table.md (Hugo 0.111, 2 cores), used only when Hugo cannot run here.
    private static readonly (int Documents, double Seconds, double Megabytes)[] IssueFigures = [(1000, 0.93, 193), (10000, 9.35, 1310), (25000, 38.77, 3318), (50000, 55.64, 7242)];

    public static Command Create()
    {
        var docs = new Option<int>("--docs") { Description = "How many documents to generate.", Required = true };
        var keep = new Option<string?>("--keep") { Description = "Generate into this folder and keep it (default: a temporary folder, deleted afterwards)." };
        var hugo = new Option<bool>("--hugo") { Description = "Also build the same kind of corpus with Hugo (shared/bench harness) and print ratios." };
        var pagefind = new Option<bool>("--pagefind") { Description = "Also index Hugo's output with Pagefind (implies --hugo; installs it with npm if needed; not above 25,000 documents)." };
        var seed = new Option<int>("--seed") { Description = "Corpus seed.", DefaultValueFactory = _ => 42 };
        var command = new Command("bench", "Benchmark: generate a corpus of N Chinese reports, build it, print time, memory and output size.") { docs, keep, hugo, pagefind, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var n = parse.GetValue(docs);
            if (n < 1)
            {
                await error.WriteLineAsync("publisher bench: --docs must be at least 1.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            var repository = FindUp(Directory.GetCurrentDirectory(), "themes/default/layouts");
            var seeds = FindUp(Directory.GetCurrentDirectory(), "shared/seeds") ?? FindUp(AppContext.BaseDirectory, "shared/seeds");
            if (repository is null || seeds is null)
            {
                await error.WriteLineAsync("publisher bench: run it from the repository (it needs themes/default and ../shared/seeds).").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            var keepDirectory = parse.GetValue(keep);
            var directory = Path.GetFullPath(keepDirectory ?? Path.Combine(Path.GetTempPath(), $"publisher-bench-{n}-{Guid.NewGuid():N}"));
            try
            {
                var anchors = new Anchors(parse.GetValue(hugo) || parse.GetValue(pagefind), parse.GetValue(pagefind));
                return await RunAsync(n, parse.GetValue(seed), anchors, directory, repository, seeds, output, error, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (keepDirectory is null && Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(int n, int seed, Anchors anchors, string directory, string repository, string seeds, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var site = Path.Combine(directory, "site");
        if (Directory.Exists(site))
        {
            Directory.Delete(site, recursive: true);
        }

        Directory.CreateDirectory(site);
        var loadBefore = Load();
        var started = DateTime.UtcNow;
        var corpus = new CorpusGenerator(seeds, seed).Generate(site, n);
        CopyFolder(Path.Combine(repository, "content", "pages"), Path.Combine(site, "content", "pages"));
        await File.WriteAllTextAsync(Path.Combine(site, "site.config.json"), $$"""
            {
              "title": { "zh-CN": "法治政府建设报告公开平台（基准）", "en": "Rule-of-Law Reports (benchmark)" },
              "baseUrl": "https://reports.example.gov.cn/",
              "defaultLanguage": "zh-CN",
              "languages": ["zh-CN", "en"],
              "content": "content",
              "theme": "{{Path.Combine(repository, "themes", "default").Replace("\\", "\\\\", StringComparison.Ordinal)}}",
              "output": "_site"
            }
            """, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"Corpus: {corpus.Documents} documents ({corpus.Reports} reports, {corpus.DisclosureItems} disclosure items), {corpus.Offices} offices, {corpus.Bytes / 1e6:F1} MB, in {(DateTime.UtcNow - started).TotalSeconds:F1} s -> {site}")).ConfigureAwait(false);

        var (publisher, prefix) = Self();
        Task<ChildRunResult> Build(string output = "_site") =>
            ChildRun.RunAsync(publisher, [.. prefix, "build", "--timings", "--config", Path.Combine(site, "site.config.json"), "--output", output], site, cancellationToken);

        var clean = await Build().ConfigureAwait(false);
        if (clean.ExitCode != 0)
        {
            await error.WriteLineAsync($"publisher bench: the build failed (exit {clean.ExitCode}):\n{clean.Error}").ConfigureAwait(false);
            return CliApp.ContentErrors;
        }

        var built = OutputSummary.Of(Path.Combine(site, "_site"));

        // The same full build again into a new, empty output folder, with the Razor templates already compiled in
        // .publisher-cache/razor (as on any machine after its first build). Not into the emptied first folder: on
        // an ext4 without a journal (this machine's disk) every new file or folder made within minutes of deleting
        // many others scans past each recently deleted inode (kernel recently_deleted(), 45% of the CPU samples of
        // a 10k build measured with perf), which measures the disk, not the build; Hugo also writes a new folder.
        var full = await Build(FullOutput).ConfigureAwait(false);
        var unchanged = await Build(FullOutput).ConfigureAwait(false);
        var edited = Path.Combine(site, "content", new CorpusGenerator(seeds, seed).Document(n / 2).RelativePath);
        await File.AppendAllTextAsync(edited, "\n本段为基准测试的修改。\n", cancellationToken).ConfigureAwait(false);
        var oneEdit = await Build(FullOutput).ConfigureAwait(false);

        // The editor's loop: the preview server rebuilds in a process that stays up (its first build is a full one
        // into a folder of its own); the first rebuild after it warms up, the median of the others is reported.
        var preview = await PreviewRun.RebuildSecondsAsync(
            publisher, [.. prefix, "serve", "--port", "0", "--config", Path.Combine(site, "site.config.json")], site, edited, PreviewEdits + 1, cancellationToken).ConfigureAwait(false);
        var previewSeconds = preview is null ? double.NaN : Median(preview.Skip(1));

        var table = new StringBuilder();
        table.AppendLine("| run | wall s | cpu s (user+sys) | peak MB | pages | output MB | search index MB (files) |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        table.AppendLine(Invariant($"| publisher build, clean (first run: Razor compile included) | {clean.WallSeconds:F2} | {clean.CpuSeconds:F1} | {clean.PeakBytes / 1048576.0:F0} | {built.Pages} | {built.Bytes / 1e6:F1} | {Index(built)} |"));
        table.AppendLine(Invariant($"| publisher build, full (new output folder, templates already compiled) | {full.WallSeconds:F2} | {full.CpuSeconds:F1} | {full.PeakBytes / 1048576.0:F0} | | | |"));
        table.AppendLine(Invariant($"| publisher build, nothing changed | {unchanged.WallSeconds:F2} | {unchanged.CpuSeconds:F1} | {unchanged.PeakBytes / 1048576.0:F0} | | | |"));
        table.AppendLine(Invariant($"| publisher build, one file edited | {oneEdit.WallSeconds:F2} | {oneEdit.CpuSeconds:F1} | {oneEdit.PeakBytes / 1048576.0:F0} | | | |"));
        table.AppendLine(Invariant($"| publisher serve, one file edited (process kept up; median of {PreviewEdits} rebuilds) | {previewSeconds:F2} | | | | | |"));
        var ratios = new StringBuilder();
        ratios.AppendLine(Invariant($"One edited file: {oneEdit.WallSeconds / full.WallSeconds:P0} of a full build (target <= 5%); nothing changed: {unchanged.WallSeconds / full.WallSeconds:P0}."));
        ratios.AppendLine(preview is null
            ? "One edited file in publisher serve: not measured (the preview server failed or printed no build; run it by hand to see why)."
            : Invariant($"One edited file in publisher serve: {previewSeconds / full.WallSeconds:P0} of a full build ({string.Join(" / ", preview.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s, the first one warming up; its 0.25 s debounce comes on top)."));
        if (anchors.Hugo)
        {
            var hugo = await RunHugoAsync(n, seed, directory, seeds, error, cancellationToken).ConfigureAwait(false);
            if (hugo is { } h)
            {
                if (anchors.Pagefind)
                {
                    await RunPagefindAsync(n, directory, h, full, table, ratios, error, cancellationToken).ConfigureAwait(false);
                }

                table.AppendLine(Invariant($"| hugo {h.Label} | {h.Seconds:F2} | {h.CpuSeconds:F1} | {h.Megabytes:F0} | {h.Pages} | {h.OutputMegabytes} | {h.Index} |"));
                ratios.AppendLine(Invariant($"Against Hugo ({h.Label}): first build {clean.WallSeconds / h.Seconds:F2}x its wall time, full build {full.WallSeconds / h.Seconds:F2}x (target <= 0.5x); peak memory {clean.PeakBytes / 1048576.0 / h.Megabytes:F2}x / {full.PeakBytes / 1048576.0 / h.Megabytes:F2}x (target <= 0.25x)."));
                if (!double.IsNaN(h.CpuSeconds))
                {
                    ratios.AppendLine(Invariant($"CPU time against Hugo: full build {full.CpuSeconds / h.CpuSeconds:F2}x."));
                }
            }
        }

        ratios.AppendLine(LoadNote(loadBefore));
        await output.WriteAsync(table.ToString()).ConfigureAwait(false);
        await output.WriteAsync(ratios.ToString()).ConfigureAwait(false);
        await output.WriteLineAsync("Slowest modules of the full build (summed over threads; pipelines overlap):").ConfigureAwait(false);
        foreach (var line in SlowestModules(full.Output, 10))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.WriteLineAsync("Slowest modules of the one-edit build:").ConfigureAwait(false);
        foreach (var line in SlowestModules(oneEdit.Output, 6))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static IEnumerable<string> SlowestModules(string buildOutput, int count) =>
        buildOutput.Split('\n').SkipWhile(l => !l.StartsWith("Time per module", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.Trim().Length > 0).Take(count).Select(l => "  " + l.Trim());

    /// <summary>The one-minute load average (NaN where /proc/loadavg is missing).</summary>
    private static double Load() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : double.NaN;

    private static string LoadNote(double before) =>
        before > Environment.ProcessorCount / 2.0
            ? Invariant($"Load average before the runs: {before:F1} on {Environment.ProcessorCount} cores: the machine was busy, so wall times are noisy; compare CPU times, or run again on a quiet machine.")
            : Invariant($"Load average before the runs: {before:F1} on {Environment.ProcessorCount} cores.");

    private static string Index(OutputSummary summary) =>
        summary.SearchIndexFiles == 0 ? "none" : Invariant($"{summary.SearchIndexBytes / 1e6:F2} ({summary.SearchIndexFiles})");

    private static async Task<HugoRun?> RunHugoAsync(
        int n, int seed, string directory, string seeds, TextWriter error, CancellationToken cancellationToken)
    {
        var harness = FindUp(Directory.GetCurrentDirectory(), "shared/bench");
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
                CopyFolder(Path.Combine(harness, "hugo-site"), source);
                var destination = Path.Combine(root, "out");
                var run = await ChildRun.RunAsync(hugo, ["--quiet", "--source", source, "--contentDir", corpus, "--destination", destination], root, cancellationToken).ConfigureAwait(false);
                if (run.ExitCode == 0)
                {
                    var summary = OutputSummary.Of(destination);
                    return new HugoRun("(same run)", run.WallSeconds, run.CpuSeconds, run.PeakBytes / 1048576.0, summary.Pages.ToString(CultureInfo.InvariantCulture), Invariant($"{summary.Bytes / 1e6:F1}"), Index(summary), destination);
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
        return new HugoRun(Invariant($"NOT this run: shared/bench/results-table.md, {nearest.Documents} docs"), nearest.Seconds, double.NaN, nearest.Megabytes, "-", "-", "-", Output: null);
    }

    /// <summary>
    /// Indexes Hugo's output of this run with Pagefind and compares the full build with Hugo and Pagefind together:
    /// what a Hugo site with Pagefind's Chinese search takes.
    /// </summary>
    private static async Task RunPagefindAsync(int n, string directory, HugoRun hugo, ChildRunResult full, StringBuilder table, StringBuilder ratios, TextWriter error, CancellationToken cancellationToken)
    {
        if (hugo.Output is null || n > PagefindRun.MaxDocuments)
        {
            await error.WriteLineAsync(hugo.Output is null
                ? "Pagefind not run: it indexes Hugo's output of this run, and Hugo did not run."
                : Invariant($"Pagefind not run above {PagefindRun.MaxDocuments:N0} documents: at 50,000 it ran out of memory (23 GB; shared/bench/results-table.md).")).ConfigureAwait(false);
            return;
        }

        var binary = await PagefindRun.FindOrInstallAsync(FindUp(Directory.GetCurrentDirectory(), "shared/bench"), directory, cancellationToken).ConfigureAwait(false);
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
        table.AppendLine(Invariant($"| pagefind {PagefindRun.Version} over Hugo's output (same run) | {run.WallSeconds:F2} | {run.CpuSeconds:F1} | {megabytes:F0} | | | {summary.Bytes / 1e6:F2} ({summary.Files}) |"));
        ratios.AppendLine(Invariant($"Against Hugo + Pagefind (Hugo's pages, Pagefind's Chinese index, one after the other): full build {full.WallSeconds / (hugo.Seconds + run.WallSeconds):F2}x their wall time, peak memory {full.PeakBytes / 1048576.0 / Math.Max(hugo.Megabytes, megabytes):F2}x the larger of theirs."));
    }

    private static (string FileName, string[] Prefix) Self()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var name = Path.GetFileNameWithoutExtension(process);
        return name == "dotnet" ? (process, [typeof(BenchCommand).Assembly.Location]) : (process, []);
    }

    private static string? FindUp(string start, string relative)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return relative.StartsWith("themes", StringComparison.Ordinal) ? directory.FullName : candidate;
            }
        }

        return null;
    }

    private static void CopyFolder(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Which anchors of the harness to run beside the builds.</summary>
    private sealed record Anchors(bool Hugo, bool Pagefind);

    /// <summary>Hugo's figures; <paramref name="Output"/> is its output folder, null when the figures are not of this run.</summary>
    private sealed record HugoRun(string Label, double Seconds, double CpuSeconds, double Megabytes, string Pages, string OutputMegabytes, string Index, string? Output);
}
