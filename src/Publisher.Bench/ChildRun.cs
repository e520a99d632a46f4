using System.Diagnostics;
using System.Globalization;

namespace Publisher.Bench;

/// <summary>
/// Runs a command as a child process and measures its wall time, CPU time and peak resident memory, the same
/// way the Hugo harness does (<c>/usr/bin/time</c>, maximum RSS), so the figures of both tools compare honestly.
/// Where <c>/usr/bin/time</c> is missing, the peak working set is sampled every 20 ms instead and the CPU time
/// is unknown.
/// </summary>
public static class ChildRun
{
    private const string TimeTool = "/usr/bin/time";

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static Task<ChildRunResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken = default) =>
        RunAsync(fileName, arguments, workingDirectory, new Dictionary<string, string>(), cancellationToken);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, with <paramref name="environment"/> added to this process's variables.</summary>
    public static async Task<ChildRunResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default)
    {
        var useTime = File.Exists(TimeTool);
        var timeFile = Path.GetTempFileName();
        var start = new ProcessStartInfo(useTime ? TimeTool : fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        if (useTime)
        {
            foreach (var argument in new[] { "-f", "%e %M %U %S", "-o", timeFile, fileName })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break;
            }
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var wall = stopwatch.Elapsed.TotalSeconds;
        var cpu = double.NaN;
        if (useTime)
        {
            var fields = (await File.ReadAllLinesAsync(timeFile, cancellationToken).ConfigureAwait(false)).LastOrDefault()?.Split(' ') ?? [];
            if (fields.Length == 4 && double.TryParse(fields[0], CultureInfo.InvariantCulture, out var measured) && long.TryParse(fields[1], CultureInfo.InvariantCulture, out var kilobytes))
            {
                wall = measured;
                peak = kilobytes * 1024;
                if (double.TryParse(fields[2], CultureInfo.InvariantCulture, out var user) && double.TryParse(fields[3], CultureInfo.InvariantCulture, out var system))
                {
                    cpu = user + system;
                }
            }
        }

        File.Delete(timeFile);
        return new ChildRunResult(process.ExitCode, wall, peak, await output.ConfigureAwait(false), await error.ConfigureAwait(false)) { CpuSeconds = cpu };
    }
}
