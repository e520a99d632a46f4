using System.CommandLine;
using System.Globalization;
using System.Text;
using Publisher.Bench;

namespace Publisher.Cli.Commands;

/// <summary>
/// <c>publisher bench</c>: generates a realistic corpus, builds it in a child process (so wall time and peak
/// memory are those of a real <c>publisher build</c>), builds it again in full into a new output folder with the templates already compiled, rebuilds it with nothing changed, with one file edited and as a fresh checkout given the last build's cache (a CI run),
/// times the rebuilds of <c>publisher serve</c> after an edit, and with <c>--hugo</c> builds the same kind of corpus with Hugo through <c>shared/bench</c> in the same run
/// (<c>--pagefind</c>: and indexes Hugo's output with Pagefind).
/// </summary>
internal static class BenchCommand
{
    private const string FullOutput = "_site-full";
    private const int PreviewEdits = 5;
    private const string BenchTitle = "法治政府建设报告公开平台（基准）";

    public static Command Create()
    {
        var docs = new Option<int>("--docs") { Description = "How many documents to generate.", Required = true };
        var keep = new Option<string?>("--keep") { Description = "Generate into this folder and keep it (default: a temporary folder, deleted afterwards)." };
        var hugo = new Option<bool>("--hugo") { Description = "Also build the same kind of corpus with Hugo (shared/bench harness) and print ratios." };
        var pagefind = new Option<bool>("--pagefind") { Description = "Also index Hugo's output with Pagefind (implies --hugo; installs it with npm if needed; not above 25,000 documents)." };
        var seed = new Option<int>("--seed") { Description = "Corpus seed.", DefaultValueFactory = _ => 42 };
        var rounds = new Option<int>("--rounds")
        {
            Description = "Build the full site this many times (with --hugo: alternating with Hugo), each into a new output folder, and print every round and the medians.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("bench", "Benchmark: generate a corpus of N Chinese reports, build it, print time, memory and output size.") { docs, keep, hugo, pagefind, seed, rounds };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var n = parse.GetValue(docs);
            if (n < 1 || parse.GetValue(rounds) < 1)
            {
                await error.WriteLineAsync("publisher bench: --docs and --rounds must be at least 1.").ConfigureAwait(false);
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
                var anchors = new Anchors(parse.GetValue(hugo) || parse.GetValue(pagefind), parse.GetValue(pagefind), parse.GetValue(rounds));
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
              "title": { "zh-CN": "{{BenchTitle}}", "en": "Rule-of-Law Reports (benchmark)" },
              "baseUrl": "https://reports.example.gov.cn/",
              "defaultLanguage": "zh-CN",
              "languages": ["zh-CN", "en"],
              "content": "content",
              "theme": "{{Path.Combine(repository, "themes", "default").Replace("\\", "\\\\", StringComparison.Ordinal)}}",
              "output": "_site"
            }
            """, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"Corpus: {corpus.Documents} documents ({corpus.Reports} reports, {corpus.DisclosureItems} disclosure items), {corpus.Offices} offices, {corpus.Bytes / 1e6:F1} MB, in {(DateTime.UtcNow - started).TotalSeconds:F1} s -> {site}")).ConfigureAwait(false);

        var (publisher, prefix) = PublisherExecutable.Command();
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

        // With --rounds, the one-edit build is measured as many times as the full build, each after a new edit of the
        // same file: a single one moved from 19% to 29% of a full build between runs of the same code.
        var oneEdits = new List<ChildRunResult> { oneEdit };
        for (var round = 2; round <= anchors.Rounds && oneEdit.ExitCode == 0; round++)
        {
            await File.AppendAllTextAsync(edited, Invariant($"\n本段为基准测试第{round}轮的修改。\n"), cancellationToken).ConfigureAwait(false);
            var again = await Build(FullOutput).ConfigureAwait(false);
            if (again.ExitCode != 0)
            {
                await error.WriteLineAsync($"publisher bench: the one-edit build of round {round} failed (exit {again.ExitCode}); no more rounds of it.\n{again.Error}").ConfigureAwait(false);
                break;
            }

            oneEdits.Add(again);
        }

        // A publishing run in CI (.github/workflows/publish.yml): a fresh checkout, so every source is new to the
        // build, given back the last run's cache and site, with one more file edited.
        foreach (var source in Directory.EnumerateFiles(Path.Combine(site, "content"), "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(source, DateTime.UtcNow);
        }

        await File.AppendAllTextAsync(edited, "\n本段为基准测试的第二次修改。\n", cancellationToken).ConfigureAwait(false);
        var checkout = await Build(FullOutput).ConfigureAwait(false);

        // A change every page shows (the site's title in the settings; a theme edit or a new Publisher is the same
        // for the build): every page is rendered again, in place, from a cache made under another fingerprint.
        var config = Path.Combine(site, "site.config.json");
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(config, cancellationToken).ConfigureAwait(false)).Replace(BenchTitle, BenchTitle + "（修订）", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
        var siteWide = await Build(FullOutput).ConfigureAwait(false);

        // The editor's loop: the preview server rebuilds in a process that stays up (its first build is a full one
        // into a folder of its own); the first rebuild after it warms up, the median of the others is reported.
        var preview = await PreviewRun.RebuildSecondsAsync(
            publisher, [.. prefix, "serve", "--port", "0", "--config", Path.Combine(site, "site.config.json")], site, edited, PreviewEdits + 1, cancellationToken).ConfigureAwait(false);
        var previewSeconds = preview is null ? double.NaN : Median(preview.Skip(1));

        // The same loop from the command line, through the build server (publisher build --server); the first build
        // after an edit warms up, as in the preview.
        var served = await ServerBuildRun.RebuildSecondsAsync(
            publisher, prefix, ["build", "--server", "--config", config, "--output", FullOutput], site, edited, PreviewEdits + 1, cancellationToken).ConfigureAwait(false);
        var servedSeconds = served is null ? double.NaN : Median(served.Seconds.Skip(1));

        var table = new StringBuilder();
        table.AppendLine("| run | wall s | cpu s (user+sys) | peak MB | pages | output MB | search index MB (files) |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        table.AppendLine(Invariant($"| publisher build, clean (first run: Razor compile included) | {clean.WallSeconds:F2} | {clean.CpuSeconds:F1} | {clean.PeakBytes / 1048576.0:F0} | {built.Pages} | {built.Bytes / 1e6:F1} | {Index(built)} |"));
        table.AppendLine(Invariant($"| publisher build, full (new output folder, templates already compiled) | {full.WallSeconds:F2} | {full.CpuSeconds:F1} | {full.PeakBytes / 1048576.0:F0} | | | |"));
        table.AppendLine(Invariant($"| publisher build, nothing changed | {unchanged.WallSeconds:F2} | {unchanged.CpuSeconds:F1} | {unchanged.PeakBytes / 1048576.0:F0} | | | |"));
        table.AppendLine(Invariant($"| publisher build, one file edited | {oneEdit.WallSeconds:F2} | {oneEdit.CpuSeconds:F1} | {oneEdit.PeakBytes / 1048576.0:F0} | | | |"));
        table.AppendLine(Invariant($"| publisher build, fresh checkout with the last build's cache, one file edited (CI) | {checkout.WallSeconds:F2} | {checkout.CpuSeconds:F1} | {checkout.PeakBytes / 1048576.0:F0} | | | |"));
        table.AppendLine(Invariant($"| publisher build, site title changed in the settings (every page rendered again, in place) | {siteWide.WallSeconds:F2} | {siteWide.CpuSeconds:F1} | {siteWide.PeakBytes / 1048576.0:F0} | | | |"));
        table.AppendLine(Invariant($"| publisher serve, one file edited (process kept up; median of {PreviewEdits} rebuilds) | {previewSeconds:F2} | | | | | |"));
        table.AppendLine(Invariant($"| publisher build --server, one file edited (a new command line each time, the build server kept up; median of {PreviewEdits}; peak MB: the server's) | {servedSeconds:F2} | | {(served is { ServerPeakBytes: > 0 } ? (served.ServerPeakBytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : string.Empty)} | | | |"));
        var ratios = new StringBuilder();
        ratios.AppendLine(Invariant($"One edited file: {oneEdit.WallSeconds / full.WallSeconds:P0} of a full build (target <= 5%); nothing changed: {unchanged.WallSeconds / full.WallSeconds:P0}; in a fresh checkout (CI): {checkout.WallSeconds / full.WallSeconds:P0}."));
        ratios.AppendLine(preview is null
            ? "One edited file in publisher serve: not measured (the preview server failed or printed no build; run it by hand to see why)."
            : Invariant($"One edited file in publisher serve: {previewSeconds / full.WallSeconds:P0} of a full build ({string.Join(" / ", preview.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s, the first one warming up; edits {PreviewRun.PauseBetweenEdits.TotalSeconds:F0} s apart, as an editor reads the page between saves; its 0.25 s debounce comes on top)."));
        ratios.AppendLine(served is null
            ? "One edited file with publisher build --server: not measured (a build failed or did not go through the build server; run it by hand to see why)."
            : Invariant($"One edited file with publisher build --server: {servedSeconds / full.WallSeconds:P1} of a full build (target <= 5%; {string.Join(" / ", served.Seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s, the first one warming up)."));
        BenchAnchors.HugoRun? hugo = null;
        if (anchors.Hugo)
        {
            var harness = FindUp(Directory.GetCurrentDirectory(), "shared/bench");
            hugo = await BenchAnchors.RunHugoAsync(n, seed, directory, seeds, harness, error, cancellationToken).ConfigureAwait(false);
            if (hugo is { } h)
            {
                table.AppendLine(Invariant($"| hugo ({h.Label}) | {h.Seconds:F2} | {h.CpuSeconds:F1} | {h.Megabytes:F0} | {h.Pages} | {h.OutputMegabytes} | {h.Index} |"));
                ratios.AppendLine(Invariant($"Against Hugo ({h.Label}): first build {clean.WallSeconds / h.Seconds:F2}x its wall time, full build {full.WallSeconds / h.Seconds:F2}x (target <= 0.5x); peak memory {clean.PeakBytes / 1048576.0 / h.Megabytes:F2}x / {full.PeakBytes / 1048576.0 / h.Megabytes:F2}x (target <= 0.25x)."));
                if (!double.IsNaN(h.CpuSeconds))
                {
                    ratios.AppendLine(Invariant($"CPU time against Hugo: full build {full.CpuSeconds / h.CpuSeconds:F2}x."));
                }

                if (anchors.Pagefind)
                {
                    await BenchAnchors.RunPagefindAsync(n, directory, harness, h, full, table, ratios, error, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (anchors.Rounds > 1)
        {
            var rounds = await BenchRounds.RunAsync(anchors.Rounds, full, hugo, oneEdits, round => Build(Invariant($"{FullOutput}-{round}")), error, cancellationToken).ConfigureAwait(false);
            ratios.Append(rounds);
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

    internal static double Median(IEnumerable<double> values)
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

    internal static string Index(OutputSummary summary) =>
        summary.SearchIndexFiles == 0 ? "none" : Invariant($"{summary.SearchIndexBytes / 1e6:F2} ({summary.SearchIndexFiles})");

    internal static string? FindUp(string start, string relative)
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

    internal static void CopyFolder(string source, string target)
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

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Which anchors of the harness to run beside the builds, and how many rounds of full builds.</summary>
    /// <param name="Hugo">Build the harness's corpus with Hugo too.</param>
    /// <param name="Pagefind">Index Hugo's output with Pagefind too.</param>
    /// <param name="Rounds">How many times the full build (and Hugo's) is measured.</param>
    internal sealed record Anchors(bool Hugo, bool Pagefind, int Rounds);
}
