using Publisher.Content.Configuration;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;

namespace Publisher.Cli.Server;

/// <summary>
/// The build server's file watcher on one site's content folder (<see cref="FolderWatch"/>), so that a build lists
/// only the folders that changed since the last one, as <c>publisher serve</c> does. Before each build the watch is
/// synchronised (<see cref="BeforeBuildAsync"/>): once it has reported every change made until then, the build may
/// trust what it reported; when it cannot say so, the build lists the whole folder, as one without a watcher does,
/// and a new watch is started.
/// </summary>
/// <remarks>
/// Only the content folder: the theme and the office records are hashed whole by every build (the fingerprint), and
/// nothing else is listed. The folder is taken from the settings at each build, so a settings change that names
/// another one moves the watch.
/// </remarks>
internal sealed class ContentWatch : IDisposable
{
    /// <summary>
    /// How long a build waits for the watcher to report its cookie before it lists the whole folder. The cookie takes
    /// well under a millisecond on a local disk; a watch that misses it is broken (its folder deleted or replaced).
    /// </summary>
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(1);

    private FolderWatch? _watch;
    private string? _refused;

    /// <summary>
    /// Gets the watch of the content folder that the settings at <paramref name="configPath"/> name ready for a
    /// build: started if there is none (that build still lists the folder whole), moved if the settings name another
    /// folder, and synchronised. Never throws: at worst the build lists the folder from the file system.
    /// </summary>
    public async Task BeforeBuildAsync(string configPath, WatchedChanges changes, CancellationToken cancellationToken)
    {
        if (ContentFolder(configPath) is not { } folder)
        {
            // Settings that cannot be read: the build reports them; nothing to watch meanwhile.
            Stop();
            return;
        }

        if (_watch is not null && _watch.Folder != folder)
        {
            Stop();
        }

        if (_watch is not null && !await _watch.SyncAsync(SyncTimeout, cancellationToken).ConfigureAwait(false))
        {
            // Not known to have seen everything: this build lists the folder whole (a new watch is not trusted for
            // listings made before it started), and the next one uses a new watch, unless the folder refused the
            // cookie (not writable by this user): then no watch of it can be synchronised, and none is started again.
            _refused = _watch.CookieRefused ? folder : null;
            Stop();
            changes.NoteLost();
        }

        if (folder != _refused)
        {
            _watch ??= FolderWatch.TryStart(folder, changes);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private void Stop()
    {
        _watch?.Dispose();
        _watch = null;
    }

    private static string? ContentFolder(string configPath)
    {
        try
        {
            var options = SiteOptionsLoader.Load(configPath);
            var root = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(root, options.ContentDirectory)));
        }
        catch (Exception ex) when (ex is ContentException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
