namespace Publisher.Bench;

/// <summary>
/// Pagefind, the harness's other anchor: the Chinese search index a Hugo site would add, made from Hugo's output
/// by <c>pagefind_extended</c> the way <c>shared/bench/bench.py pagefind</c> does, so the figures compare with
/// <c>shared/bench/results-table.md</c>.
/// </summary>
public static class PagefindRun
{
    /// <summary>The version the harness measured (<c>shared/bench/node/package.json</c>).</summary>
    public const string Version = "1.6.0";

    /// <summary>
    /// Above this many documents Pagefind is not run: at 50,000 it ran out of memory (23 GB) on a 24 GB machine
    /// (<c>shared/bench/results-table.md</c>), taking the machine with it.
    /// </summary>
    public const int MaxDocuments = 25_000;

    private static readonly string Binary = Path.Combine("node_modules", "@pagefind", "linux-x64", "bin", "pagefind_extended");

    /// <summary>
    /// The <c>pagefind_extended</c> of the harness's <c>node</c> folder or of <paramref name="work"/>/node; when
    /// neither has it, installs it into the latter with npm. Null when it cannot be had.
    /// </summary>
    public static async Task<string?> FindOrInstallAsync(string? harness, string work, CancellationToken cancellationToken = default)
    {
        var node = Path.Combine(work, "node");
        foreach (var folder in new[] { harness is null ? null : Path.Combine(harness, "node"), node })
        {
            if (folder is not null && File.Exists(Path.Combine(folder, Binary)))
            {
                return Path.Combine(folder, Binary);
            }
        }

        Directory.CreateDirectory(node);
        var install = await ChildRun.RunAsync("npm", ["install", "--prefix", node, "--no-audit", "--no-fund", $"pagefind@{Version}"], node, cancellationToken).ConfigureAwait(false);
        return install.ExitCode == 0 && File.Exists(Path.Combine(node, Binary)) ? Path.Combine(node, Binary) : null;
    }

    /// <summary>Indexes the built site <paramref name="site"/> into <paramref name="output"/>, measured.</summary>
    public static Task<ChildRunResult> RunAsync(string binary, string site, string output, CancellationToken cancellationToken = default) =>
        ChildRun.RunAsync(binary, ["--site", site, "--output-path", output], Path.GetDirectoryName(output)!, cancellationToken);
}
