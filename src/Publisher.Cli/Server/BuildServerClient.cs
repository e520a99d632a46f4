using System.Diagnostics;
using System.Net.Sockets;

namespace Publisher.Cli.Server;

/// <summary>
/// <c>publisher build --server</c> on the command line's side: hands the build to the build server
/// (<see cref="BuildServerHost"/>), starting one if none runs, and prints what it answers. Where there can be no
/// server, or it stops before it answers, the command line says so and builds in its own process.
/// </summary>
internal static class BuildServerClient
{
    /// <summary>The option of <c>publisher build</c> that hands the build to the server.</summary>
    public const string ServerOption = "--server";

    /// <summary>How long a new server may take to start listening.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    /// <summary>True for a command line that hands its build to the server: <c>publisher build … --server …</c>.</summary>
    public static bool IsFor(string[] args) => args.Length > 0 && args[0] == "build" && args.Contains(ServerOption);

    /// <summary>The build's exit code, with its output written; null when the command line is to build by itself.</summary>
    public static async Task<int?> TryBuildAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (BuildServerAddress.ForThisCode() is not { } address)
        {
            await error.WriteLineAsync("publisher: --server needs Linux or macOS and a folder only you can open for its socket ($XDG_RUNTIME_DIR or the temporary folder); building in this process.").ConfigureAwait(false);
            return null;
        }

        using var socket = await address.TryConnectAsync(cancellationToken).ConfigureAwait(false) ?? await StartAsync(address, cancellationToken).ConfigureAwait(false);
        if (socket is null)
        {
            await error.WriteLineAsync($"publisher: the build server did not start (its log: {address.LogPath}); building in this process.").ConfigureAwait(false);
            return null;
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        BuildServerResponse? response;
        try
        {
            await BuildServerMessages.WriteAsync(stream, new BuildServerRequest(BuildServerRequest.Build, Environment.CurrentDirectory, arguments), cancellationToken).ConfigureAwait(false);
            response = await BuildServerMessages.ReadResponseAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            response = null;
        }

        if (response is null)
        {
            await error.WriteLineAsync($"publisher: the build server stopped before it answered (its log: {address.LogPath}); building in this process.").ConfigureAwait(false);
            return null;
        }

        await output.WriteAsync(response.Output).ConfigureAwait(false);
        await error.WriteAsync(response.Error).ConfigureAwait(false);
        return response.ExitCode;
    }

    /// <summary>Asks the server to stop; the number of builds it ran, or null when none was running.</summary>
    public static async Task<int?> StopAsync(CancellationToken cancellationToken)
    {
        if (BuildServerAddress.ForThisCode() is not { } address)
        {
            return null;
        }

        using var socket = await address.TryConnectAsync(cancellationToken).ConfigureAwait(false);
        if (socket is null)
        {
            return null;
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            await BuildServerMessages.WriteAsync(stream, new BuildServerRequest(BuildServerRequest.Stop, Environment.CurrentDirectory, []), cancellationToken).ConfigureAwait(false);
            var response = await BuildServerMessages.ReadResponseAsync(stream, cancellationToken).ConfigureAwait(false);
            return response?.Builds;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Starts a server (this same program, <c>build-server run</c>) and connects to it once it listens.</summary>
    private static async Task<Socket?> StartAsync(BuildServerAddress address, CancellationToken cancellationToken)
    {
        var (program, prefix) = PublisherExecutable.Command();
        // Its own pipes, closed at once, never the command line's: whoever reads this command line's output (a
        // terminal, a script, CI) would otherwise wait for the server to end before seeing the output end.
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in prefix.Concat(["build-server", "run"]))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start);
        if (process is null)
        {
            return null;
        }

        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (await address.TryConnectAsync(cancellationToken).ConfigureAwait(false) is { } socket)
            {
                return socket;
            }

            if (process.HasExited && process.ExitCode != CliApp.Ok)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
