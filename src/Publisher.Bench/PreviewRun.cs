using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Publisher.Bench;

/// <summary>
/// Measures what an editor waits for in <c>publisher serve</c>: starts the preview server as a child process, lets
/// it make its first build, then edits a file several times, <see cref="PauseBetweenEdits"/> apart, and reads how long each rebuild took from the line the
/// server prints ("Built 1 pages in 0.62 s"). The process stays up between builds, as it does for an editor, so
/// its code is compiled and its caches are warm; the server's debounce (the time it waits for a save to settle)
/// comes on top and is not counted.
/// </summary>
public static partial class PreviewRun
{
    private static readonly TimeSpan FirstBuildLimit = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RebuildLimit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the editor looks at the page before saving again: the server collects a rebuild's garbage once it
    /// has been quiet for a second (QuietCollector in Publisher.Preview), as it does between an editor's saves.
    /// </summary>
    public static readonly TimeSpan PauseBetweenEdits = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/> (a <c>serve</c> command), waits for its
    /// first build, then appends a sentence to <paramref name="editedFile"/> <paramref name="edits"/> times, one
    /// rebuild at a time, and returns the seconds of each rebuild; null when a build failed or none was printed in time.
    /// </summary>
    public static async Task<IReadOnlyList<double>?> RebuildSecondsAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, string editedFile, int edits, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var builds = Channel.CreateUnbounded<double>();
        var watching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = ReadBuildsAsync(process.StandardOutput, builds.Writer, watching);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            if (await NextBuildAsync(builds.Reader, FirstBuildLimit, cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }

            // The server watches the files only once it says where it serves: an edit before that would be missed.
            await watching.Task.WaitAsync(RebuildLimit, cancellationToken).ConfigureAwait(false);

            var seconds = new List<double>();
            for (var edit = 0; edit < edits; edit++)
            {
                await Task.Delay(PauseBetweenEdits, cancellationToken).ConfigureAwait(false);
                await File.AppendAllTextAsync(editedFile, string.Create(CultureInfo.InvariantCulture, $"\n预览基准测试的第{edit + 1}次修改。\n"), cancellationToken).ConfigureAwait(false);
                if (await NextBuildAsync(builds.Reader, RebuildLimit, cancellationToken).ConfigureAwait(false) is not { } rebuild)
                {
                    return null;
                }

                seconds.Add(rebuild);
            }

            return seconds;
        }
        finally
        {
            await StopAsync(process).ConfigureAwait(false);
            await reading.ConfigureAwait(false);
            await errors.ConfigureAwait(false);
        }
    }

    private static async Task ReadBuildsAsync(StreamReader output, ChannelWriter<double> builds, TaskCompletionSource watching)
    {
        while (await output.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (BuiltLine().Match(line) is { Success: true } match)
            {
                builds.TryWrite(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
            else if (line.StartsWith("Build failed", StringComparison.Ordinal))
            {
                builds.TryWrite(double.NaN);
            }
            else if (line.StartsWith("Preview at ", StringComparison.Ordinal))
            {
                watching.TrySetResult();
            }
        }

        builds.TryComplete();
        watching.TrySetResult();
    }

    private static async Task<double?> NextBuildAsync(ChannelReader<double> builds, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            return await builds.WaitToReadAsync(timeout.Token).ConfigureAwait(false) && builds.TryRead(out var seconds) && !double.IsNaN(seconds) ? seconds : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Stops the server the way Ctrl+C does (SIGINT), so it deletes its output folder; kills it if it has not
    /// stopped within ten seconds.
    /// </summary>
    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var interrupt = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await (interrupt?.WaitForExitAsync() ?? Task.CompletedTask).ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [GeneratedRegex(@"^Built \d+ pages in ([0-9.]+) s", RegexOptions.CultureInvariant)]
    private static partial Regex BuiltLine();
}
