using System.Collections.Concurrent;
using System.Globalization;

namespace Publisher.Core.Caching;

/// <summary>
/// A file watcher on a folder and everything below it that notes each change in a <see cref="WatchedChanges"/>, and
/// that can say when it has reported every change made so far (<see cref="SyncAsync"/>). For a process that builds
/// when asked (the build server) rather than when its watcher wakes it (the preview): without that promise, a change
/// saved just before a build could reach the watcher after the build had listed the folder, and the build would miss
/// it. With it, a build lists only the folders the watcher reported instead of reading 2,200 folders and stat-ing
/// 10,000 files at 10,000 documents.
/// </summary>
/// <remarks>
/// The promise is kept as watchman keeps it: <see cref="SyncAsync"/> creates a file of its own (a cookie) at the top
/// of the folder and waits for the watcher to report it. The kernel queues a watcher's events in the order the
/// changes were made (one inotify queue on Linux), so every change made before the cookie is reported before it.
/// Watched only on a local disk (<see cref="TryStart"/>): on a network or virtual file system (NFS, SMB, WSL's
/// <c>/mnt/c</c>) the watcher does not hear of changes made from elsewhere, while its own cookie would still arrive.
/// </remarks>
public sealed class FolderWatch : IDisposable
{
    private const string CookiePrefix = ".publisher-sync-";

    private readonly FileSystemWatcher _watcher;
    private readonly WatchedChanges _changes;
    private readonly string _cookiePrefix = CookiePrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-";
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _cookies = new(StringComparer.Ordinal);
    private long _cookieCount;
    private volatile bool _broken;

    private FolderWatch(string folder, WatchedChanges changes)
    {
        Folder = folder;
        _changes = changes;
        _watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, e) => Note(e.FullPath);
        _watcher.Created += (_, e) => Note(e.FullPath);
        _watcher.Deleted += (_, e) => Note(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Note(e.OldFullPath);
            Note(e.FullPath);
        };
        _watcher.Error += (_, e) =>
        {
            // Lost events (the queue overflowed) or a folder left unwatched (Linux's limit of inotify watches): the
            // next build lists every folder, and this watch is not to be trusted again (its owner starts a new one).
            _broken = true;
            _changes.NoteLost();
        };
    }

    /// <summary>The watched folder (a full path).</summary>
    public string Folder { get; }

    /// <summary>
    /// True when the last <see cref="SyncAsync"/> could not create its cookie (a folder the user may not write):
    /// no sync of this folder can succeed, so watching it again is no use.
    /// </summary>
    public bool CookieRefused { get; private set; }

    /// <summary>
    /// Starts watching <paramref name="folder"/> (a full path) and tells <paramref name="changes"/> so; null when it
    /// cannot be watched so that <see cref="SyncAsync"/> means something: it is missing, not on a local disk, or the
    /// watcher cannot start (on Linux, the limit of inotify watches was reached). Without a watch, builds list the
    /// folder from the file system, as before.
    /// </summary>
    public static FolderWatch? TryStart(string folder, WatchedChanges changes)
    {
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(folder) || !IsOnLocalDisk(folder))
        {
            return null;
        }

        FolderWatch? watch = null;
        try
        {
            watch = new FolderWatch(folder, changes);
            watch._watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Gone since, or no inotify watch left.
            watch?.Dispose();
            return null;
        }

        // Only now is every change below the folder noted: a listing made before this is not brought up to date.
        changes.Watching(folder);
        return watch;
    }

    /// <summary>
    /// Waits until the watcher has reported every change made to the folder before this call. False when it cannot
    /// say so within <paramref name="timeout"/> (the folder was deleted or replaced, or cannot be written for the
    /// cookie) or the watcher lost events since it started: the caller then lets the next build list the folder
    /// whole, and starts a new watch.
    /// </summary>
    public async Task<bool> SyncAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (_broken)
        {
            return false;
        }

        var name = _cookiePrefix + Interlocked.Increment(ref _cookieCount).ToString(CultureInfo.InvariantCulture);
        var path = Path.Combine(Folder, name);
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _cookies[name] = seen;
        try
        {
            try
            {
                using (File.Create(path))
                {
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                CookieRefused = true;
                return false;
            }

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            try
            {
                await seen.Task.WaitAsync(timer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            return !_broken;
        }
        finally
        {
            _cookies.TryRemove(name, out _);
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Its events are this watch's own; a cookie left behind is not a source (no .md) and goes with the next.
            }
        }
    }

    /// <summary>Stops watching: from now on, builds list the folder from the file system.</summary>
    public void Dispose()
    {
        _watcher.Dispose();
        _changes.StoppedWatching(Folder);
    }

    /// <summary>
    /// True for a folder on a disk of this machine (or in its memory): a watcher there hears of every change, whoever
    /// made it. <see cref="DriveInfo"/> tells network and unknown file systems (NFS, SMB, 9p, FUSE) apart from these.
    /// </summary>
    private static bool IsOnLocalDisk(string folder)
    {
        try
        {
            return new DriveInfo(folder).DriveType is DriveType.Fixed or DriveType.Ram;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void Note(string path)
    {
        if (Path.GetDirectoryName(path) == Folder && Path.GetFileName(path) is var name && name.StartsWith(_cookiePrefix, StringComparison.Ordinal))
        {
            // A cookie of this watch: its creation answers a sync; none of its events is a change of the folder's.
            if (_cookies.TryGetValue(name, out var seen))
            {
                seen.TrySetResult();
            }

            return;
        }

        _changes.NoteChanged(path);
    }
}
