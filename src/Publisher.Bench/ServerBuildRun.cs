using System.Globalization;
using System.Text.RegularExpressions;

namespace Publisher.Bench;

/// <summary>
/// Measures what an editor who builds from the command line waits for with <c>publisher build --server</c>: the
/// first such build starts the build server, then a file is edited several times, <see cref="PreviewRun.PauseBetweenEdits"/>
/// apart, and each <c>publisher build --server</c> is timed as a whole (a new command line, its talk with the
/// server, the build). The server gets a runtime folder of its own (<c>XDG_RUNTIME_DIR</c>), so it is the bench's
/// alone, and is stopped at the end.
/// </summary>
public static partial class ServerBuildRun
{
    /// <summary>What was measured.</summary>
    /// <param name="Seconds">The wall time of each build after an edit.</param>
    /// <param name="ServerPeakBytes">The server's peak resident memory (<c>VmHWM</c>), or 0 when unknown.</param>
    public sealed record Result(IReadOnlyList<double> Seconds, long ServerPeakBytes);

    /// <summary>
    /// Runs <paramref name="fileName"/> <paramref name="buildArguments"/> (a <c>build --server</c> command) once to start
    /// the server, then appends a sentence to <paramref name="editedFile"/> and builds again, <paramref name="edits"/>
    /// times; null when a build failed or did not go through the server.
    /// </summary>
    public static async Task<Result?> RebuildSecondsAsync(
        string fileName, IReadOnlyList<string> prefix, IReadOnlyList<string> buildArguments, string workingDirectory, string editedFile, int edits, CancellationToken cancellationToken = default)
    {
        var runtime = Directory.CreateTempSubdirectory("publisher-bench-runtime-");
        var environment = new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = runtime.FullName };
        try
        {
            var first = await ChildRun.RunAsync(fileName, [.. prefix, .. buildArguments], workingDirectory, environment, cancellationToken).ConfigureAwait(false);
            if (first.ExitCode != 0 || first.Error.Contains("building in this process", StringComparison.Ordinal))
            {
                return null;
            }

            var seconds = new List<double>();
            for (var edit = 0; edit < edits; edit++)
            {
                await Task.Delay(PreviewRun.PauseBetweenEdits, cancellationToken).ConfigureAwait(false);
                await File.AppendAllTextAsync(editedFile, string.Create(CultureInfo.InvariantCulture, $"\n命令行基准测试的第{edit + 1}次修改。\n"), cancellationToken).ConfigureAwait(false);
                var build = await ChildRun.RunAsync(fileName, [.. prefix, .. buildArguments], workingDirectory, environment, cancellationToken).ConfigureAwait(false);
                if (build.ExitCode != 0 || build.Error.Contains("building in this process", StringComparison.Ordinal))
                {
                    return null;
                }

                seconds.Add(build.WallSeconds);
            }

            return new Result(seconds, ServerPeak(runtime.FullName));
        }
        finally
        {
            await ChildRun.RunAsync(fileName, [.. prefix, "build-server", "stop"], workingDirectory, environment, cancellationToken).ConfigureAwait(false);
            runtime.Delete(recursive: true);
        }
    }

    /// <summary>The peak resident memory of the server, from the process id its log names and <c>/proc</c>.</summary>
    private static long ServerPeak(string runtime)
    {
        foreach (var log in Directory.EnumerateFiles(runtime, "*.log", SearchOption.AllDirectories))
        {
            foreach (Match started in StartedLine().Matches(File.ReadAllText(log)))
            {
                var status = $"/proc/{started.Groups[1].Value}/status";
                var peak = File.Exists(status) ? PeakLine().Match(File.ReadAllText(status)) : Match.Empty;
                if (peak.Success)
                {
                    return long.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        return 0;
    }

    [GeneratedRegex(@"started \(process (\d+)\)")]
    private static partial Regex StartedLine();

    [GeneratedRegex(@"VmHWM:\s+(\d+) kB")]
    private static partial Regex PeakLine();
}
