using System.Globalization;
using System.Net.Sockets;
using Publisher.Core.Caching;

namespace Publisher.Cli.Server;

/// <summary>
/// Where the build server of this user and this build of Publisher listens: a Unix domain socket in a folder only
/// the user can open (<c>$XDG_RUNTIME_DIR</c>, else <c>/tmp/publisher-USER/</c>, made with mode 0700). The socket's
/// name holds a hash of the folder Publisher runs from and the length and time of each of its own assemblies there,
/// so a rebuilt Publisher never talks to a server running the old code; that one stops by itself once idle. (Not
/// the ids of the assemblies, which the build fingerprint uses: loading every assembly to read its id took a fifth of a
/// command line's time.)
/// </summary>
internal sealed record BuildServerAddress(string Folder, string SocketPath)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The log the server writes (it has no console): when it started and stopped, and any failure.</summary>
    public string LogPath => Path.ChangeExtension(SocketPath, ".log");

    /// <summary>The socket as an endpoint.</summary>
    public UnixDomainSocketEndPoint EndPoint => new(SocketPath);

    /// <summary>
    /// The address for the running code, its folder made if missing; null where a build server cannot be used (Windows,
    /// a folder that cannot be made, or one that others can open: a socket there would take builds from any user of
    /// the machine).
    /// </summary>
    public static BuildServerAddress? ForThisCode()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        var folder = !string.IsNullOrEmpty(runtime) && Directory.Exists(runtime)
            ? Path.Combine(runtime, "publisher")
            : Path.Combine(Path.GetTempPath(), "publisher-" + Environment.UserName);
        try
        {
            Directory.CreateDirectory(folder, OwnerOnly);
            if (File.GetUnixFileMode(folder) != OwnerOnly)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No folder for the socket (a temporary folder that cannot be written, say): build without a server.
            return null;
        }

        var code = CodeStamp()[..16];
        return new BuildServerAddress(folder, Path.Combine(folder, $"build-{code}.sock"));
    }

    private static string CodeStamp()
    {
        var folder = AppContext.BaseDirectory;
        var parts = new List<string> { folder };
        foreach (var assembly in Directory.EnumerateFiles(folder, "*.dll").Where(IsPublisher).Order(StringComparer.Ordinal))
        {
            var file = new FileInfo(assembly);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Name} {file.Length} {file.LastWriteTimeUtc.Ticks}"));
        }

        return ContentHash.OfParts(parts);
    }

    private static bool IsPublisher(string path) =>
        Path.GetFileName(path) is var name && (name.StartsWith("Publisher.", StringComparison.Ordinal) || name == "publisher.dll");

    /// <summary>A connection to the server, or null when none listens there.</summary>
    public async Task<Socket?> TryConnectAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(SocketPath))
        {
            return null;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(EndPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (SocketException)
        {
            // A socket file left by a server that was killed: nothing listens.
            socket.Dispose();
            return null;
        }
    }
}
