using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Publisher.Core.Caching;

/// <summary>
/// What the previous successful build saw of each source file it hashed: its length, modification and creation
/// times and the hash of its bytes. A source whose length and times are the same now need not be read to know its
/// hash (make and git's index do the same), so a build with few changes reads few files. Kept beside the output
/// record (<c>sources-&lt;output&gt;.txt</c>) and saved only by a successful build.
/// </summary>
/// <remarks>
/// A file written in the same clock tick as the build read it could change without its times changing (git's
/// "racy" entries). So a stamp is trusted only when the file's modification time is well before the time the
/// build that recorded it started (<see cref="RacyMargin"/>, enough for file systems with coarse timestamps); a
/// file edited just before a build is read again by the next one, and trusted after that. A module that reads a
/// file it was told not to read checks the hash (<see cref="Forget"/> when it differs), so a stamp found to lie
/// fails that build and no other. What a stamp cannot see: a tool that writes bytes of the same length and sets
/// the modification time back to exactly what it was (make has the same limit; git also compares the inode's change
/// time, which .NET does not give on Linux, where its creation time is the modification time). A <c>--clean</c>
/// build reads every file.
/// </remarks>
public sealed class SourceStamps
{
    /// <summary>How long before the recording build started a file must have been modified to be trusted.</summary>
    public static readonly TimeSpan RacyMargin = TimeSpan.FromSeconds(2);

    private const string Header = "publisher-source-stamps 1";

    private readonly string _path;
    private readonly BuildMemory? _memory;
    private readonly IReadOnlyDictionary<string, Stamp> _previous = new Dictionary<string, Stamp>(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Stamp> _current = new(StringComparer.Ordinal);
    private readonly long _started = DateTime.UtcNow.Ticks;
    private readonly WatchedChanges.Snapshot? _watcher;
    private readonly ConcurrentDictionary<string, ListedFile[]> _listings = new(StringComparer.Ordinal);
    private long _previousStarted;
    private int _forgotten;
    private int _recorded;

    internal SourceStamps(string path, bool readPrevious, BuildMemory? memory = null)
    {
        _path = path;
        _memory = memory;
        _watcher = readPrevious ? memory?.Changes.Take() : null;
        if (!readPrevious)
        {
            return;
        }

        if (memory?.Recall<Kept>(path) is { } kept)
        {
            (_previous, _previousStarted) = (kept.Stamps, kept.Started);
        }
        else
        {
            _previous = Read();
        }
    }

    /// <summary>The length and times of a file as the file system gives them now.</summary>
    public readonly record struct Stamp(long Length, long ModifiedTicks, long CreatedTicks, string Hash)
    {
        /// <summary>Reads a file's stamp (one <c>stat</c>), with no hash yet.</summary>
        public static Stamp Of(FileInfo file) =>
            new(file.Length, file.LastWriteTimeUtc.Ticks, file.CreationTimeUtc.Ticks, string.Empty);
    }

    /// <summary>
    /// The hash the previous build recorded for <paramref name="source"/> when the file's stamp is unchanged and was
    /// not racy then; null when the file must be read.
    /// </summary>
    public string? TryRecall(string source, Stamp now)
    {
        if (_previous.TryGetValue(source, out var stamp) && stamp.Length == now.Length &&
            stamp.ModifiedTicks == now.ModifiedTicks && stamp.CreatedTicks == now.CreatedTicks &&
            stamp.ModifiedTicks < _previousStarted - RacyMargin.Ticks)
        {
            _current[source] = stamp;
            return stamp.Hash;
        }

        return null;
    }

    /// <summary>
    /// The hash of a file's bytes (<see cref="ContentHash.OfFile"/>): recalled when its stamp is unchanged, else read,
    /// hashed and recorded. For files whose bytes a build only hashes or copies (attachments).
    /// </summary>
    public string HashOfFile(string source, string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return ContentHash.OfFile(path);
        }

        var stamp = Stamp.Of(file);
        if (_current.TryGetValue(source, out var seen) && seen with { Hash = string.Empty } == stamp)
        {
            // Hashed earlier in this build (an attachment is asked for by the digests, the copy and the page count).
            return seen.Hash;
        }

        if (TryRecall(source, stamp) is { } recalled)
        {
            return recalled;
        }

        var hash = ContentHash.OfFile(path);
        Record(source, stamp with { Hash = hash });
        return hash;
    }

    /// <summary>
    /// The files below <paramref name="root"/> matching <paramref name="pattern"/>, sorted, each with its stamp: in
    /// a process whose file watcher covers the folder (the preview server, the build server), the last successful
    /// build's listing brought up to date with the paths that changed since (<see cref="WatchedChanges"/>); otherwise
    /// read from the file system (<see cref="SourceListing.Scan"/>).
    /// </summary>
    public IReadOnlyList<ListedFile> List(string root, string pattern, int maxDegreeOfParallelism) =>
        List(root, pattern, maxDegreeOfParallelism, out _);

    /// <summary>As <see cref="List(string, string, int)"/>; <paramref name="fromWatcher"/> says whether the listing was brought up to date from a watcher's reports.</summary>
    public IReadOnlyList<ListedFile> List(string root, string pattern, int maxDegreeOfParallelism, out bool fromWatcher)
    {
        fromWatcher = false;
        if (_watcher?.TryUpdate(root, pattern) is { } updated)
        {
            _listings[WatchedChanges.Snapshot.Key(root, pattern)] = updated;
            fromWatcher = true;
            return updated;
        }

        var listing = SourceListing.Scan(root, pattern, maxDegreeOfParallelism);
        if (!listing.HasLinks)
        {
            _listings[WatchedChanges.Snapshot.Key(root, pattern)] = listing.Files;
        }

        return listing.Files;
    }

    /// <summary>Records the stamp of a file this build read and hashed, for the next build.</summary>
    public void Record(string source, Stamp stamp)
    {
        _current[source] = stamp;
        Interlocked.Exchange(ref _recorded, 1);
    }

    /// <summary>
    /// Drops every stamp, now and on disk: a file read on trust had other bytes than its stamp promised, so no
    /// stamp can be believed; the next build reads every source.
    /// </summary>
    public void Forget()
    {
        Interlocked.Exchange(ref _forgotten, 1);
        _current.Clear();
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // The build fails anyway (see the caller); a stamp file that cannot be deleted is refused by its header
            // only if damaged, so say so in the error, not here.
        }
    }

    /// <summary>
    /// Writes this build's stamps (atomically) with the time the build started; not when every stamp was recalled
    /// and none dropped (the record on disk says the same, and its older start time is as safe for every stamp in it).
    /// </summary>
    internal void Save()
    {
        if (Volatile.Read(ref _forgotten) != 0)
        {
            return;
        }

        if (_watcher is not null)
        {
            _memory?.Changes.Keep(_watcher, _listings);
        }

        if (Volatile.Read(ref _recorded) == 0 && _current.Count == _previous.Count && File.Exists(_path))
        {
            _memory?.Keep(_path, new Kept(_previous, _previousStarted));
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), bufferSize: 1 << 16))
        {
            writer.Write(Header + "\n" + _started.ToString(CultureInfo.InvariantCulture) + "\n");

            // In no particular order (only a build reads it, into a dictionary), straight to the file.
            foreach (var (source, stamp) in _current)
            {
                writer.Write(source);
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"\t{stamp.Length}\t{stamp.ModifiedTicks}\t{stamp.CreatedTicks}\t"));
                writer.Write(stamp.Hash);
                writer.Write('\n');
            }
        }

        File.Move(temporary, _path, overwrite: true);
        _memory?.Keep(_path, new Kept(_current, _started)); // not changed after this but by Forget, which only loses the head start
    }

    private Dictionary<string, Stamp> Read()
    {
        var previous = new Dictionary<string, Stamp>(StringComparer.Ordinal);
        try
        {
            if (!File.Exists(_path))
            {
                return previous;
            }

            var lines = File.ReadAllLines(_path, Encoding.UTF8);
            if (lines.Length < 2 || lines[0] != Header || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out _previousStarted))
            {
                return previous;
            }

            foreach (var line in lines.AsSpan(2))
            {
                var parts = line.Split('\t');
                if (parts.Length == 5 && parts[4].Length > 0 &&
                    long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length) &&
                    long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var modified) &&
                    long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var created))
                {
                    previous[parts[0]] = new Stamp(length, modified, created, parts[4]);
                }
            }

            _memory?.Keep(_path, new Kept(previous, _previousStarted));
            return previous;
        }
        catch (IOException)
        {
            // A record that cannot be read only means every source is read.
            return new Dictionary<string, Stamp>(StringComparer.Ordinal);
        }
    }

    /// <summary>A saved record as a process keeps it for its next build (<see cref="BuildMemory"/>); never changed.</summary>
    private sealed record Kept(IReadOnlyDictionary<string, Stamp> Stamps, long Started);
}
