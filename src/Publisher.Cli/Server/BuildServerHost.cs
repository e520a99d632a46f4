using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Publisher.Cli.Server;

/// <summary>
/// The build server (<c>publisher build-server run</c>, started by <c>publisher build --server</c>): a process that
/// stays up between builds and runs them one after the other, for any site of this user, with what it kept from
/// the last build of the same site (<see cref="WarmBuilds"/>). It has no console: it answers over its socket
/// (<see cref="BuildServerAddress"/>), writes a short log beside it, and stops when asked
/// (<c>publisher build-server stop</c>) or after a time without builds.
/// </summary>
internal static class BuildServerHost
{
    /// <summary>How long a request may take to arrive once a command line has connected.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(TimeSpan idle, CancellationToken cancellationToken)
    {
        if (BuildServerAddress.ForThisCode() is not { } address)
        {
            return CliApp.UsageError;
        }

        using (var running = await address.TryConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            if (running is not null)
            {
                // Another command line started a server first: it serves.
                return CliApp.Ok;
            }
        }

        // Out of the command line's session: closing its terminal, or Ctrl+C in it, must not stop the server.
        DetachFromTerminal();
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        File.Delete(address.SocketPath);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(address.EndPoint);
        listener.Listen(backlog: 16);
        using var warm = new WarmBuilds();
        await LogAsync(address, string.Create(CultureInfo.InvariantCulture, $"started (process {Environment.ProcessId}); stops after {idle.TotalMinutes:F0} min without a build")).ConfigureAwait(false);
        var reason = "stopped";
        try
        {
            while (true)
            {
                using var idleTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idleTimer.CancelAfter(idle);
                Socket connection;
                try
                {
                    connection = await listener.AcceptAsync(idleTimer.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    reason = "stopped: idle";
                    break;
                }

                using (connection)
                {
                    if (await ServeAsync(connection, warm, address, cancellationToken).ConfigureAwait(false))
                    {
                        reason = "stopped: asked to";
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = "stopped: terminated";
        }
        finally
        {
            File.Delete(address.SocketPath);
        }

        await LogAsync(address, string.Create(CultureInfo.InvariantCulture, $"{reason} after {warm.Builds} build(s)")).ConfigureAwait(false);
        return CliApp.Ok;
    }

    /// <summary>Answers one command line; true when it asked the server to stop.</summary>
    private static async Task<bool> ServeAsync(Socket connection, WarmBuilds warm, BuildServerAddress address, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(connection, ownsSocket: false);
        BuildServerRequest? request;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(RequestTimeout);
            try
            {
                request = await BuildServerMessages.ReadRequestAsync(stream, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or FormatException or OverflowException && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        if (request?.Kind == BuildServerRequest.Stop)
        {
            // Gone before the answer: once the caller hears "stopped", no command line finds this server.
            File.Delete(address.SocketPath);
            await BuildServerMessages.WriteAsync(stream, new BuildServerResponse(CliApp.Ok, string.Empty, string.Empty, warm.Builds), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (request?.Kind != BuildServerRequest.Build)
        {
            return false;
        }

        BuildServerResponse response;
        try
        {
            // One build at a time, so the process's folder can be the caller's for the length of it.
            Environment.CurrentDirectory = request.WorkingDirectory;
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            using var error = new StringWriter(CultureInfo.InvariantCulture);
            var exitCode = await CliApp.RunAsync(["build", .. request.Arguments], output, error, warm).ConfigureAwait(false);
            response = new BuildServerResponse(exitCode, output.ToString(), error.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await LogAsync(address, "a build failed: " + ex).ConfigureAwait(false);
            response = new BuildServerResponse(CliApp.UnexpectedFailure, string.Empty, $"publisher: the build server failed: {ex.Message} Its log: {address.LogPath}. Build without --server meanwhile.\n");
        }

        try
        {
            await BuildServerMessages.WriteAsync(stream, response, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The command line went away (Ctrl+C): the build is done all the same.
        }

        return false;
    }

    private static async Task LogAsync(BuildServerAddress address, string line)
    {
        try
        {
            await File.AppendAllTextAsync(address.LogPath, string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss} {line}\n")).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // A log that cannot be written does not stop the server.
        }
    }

    private static void DetachFromTerminal()
    {
        try
        {
            _ = SetSid();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No C library to ask: the server stays in the session of the command line that started it.
        }
    }

    // A new session, without a controlling terminal: POSIX setsid(2). .NET has no API for it; DllImport, not
    // LibraryImport, which would need the whole project compiled with unsafe code allowed for this one call.
#pragma warning disable SYSLIB1054 // LibraryImport: see above.
    [DllImport("libc", EntryPoint = "setsid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetSid();
#pragma warning restore SYSLIB1054
}
