using System.Collections.Concurrent;

namespace Publisher.Core.Caching;

/// <summary>
/// What a process that builds the same site again and again (the preview server) keeps from one build to the next:
/// the note values it decoded (<see cref="Decoded"/>), the folder listings of its last build with the changes its
/// file watcher saw since (<see cref="Changes"/>), and the records its last build saved (the output record, the
/// source stamps, the notes' base file), so that the next build does not read and parse them back from disk. At
/// 10,000 documents reading them was 88 MB of the 325 MB a rebuild after one edit allocated (its time did not
/// measurably change: the reads ran beside the sources' on the other core).
/// </summary>
/// <remarks>
/// A kept record stands for its file only while the file has the length and modification time it had when it was
/// kept: a record file written since by anyone else (another build of the same output folder) is read again. One
/// build at a time, as for <see cref="DecodedNotes"/>.
/// </remarks>
public sealed class BuildMemory
{
    private readonly ConcurrentDictionary<string, (FileStamp Stamp, object Value)> _records = new(StringComparer.Ordinal);

    /// <summary>The note values decoded by earlier builds.</summary>
    public DecodedNotes Decoded { get; } = new();

    /// <summary>What the process's file watcher saw change since its last successful build, and that build's folder listings.</summary>
    public WatchedChanges Changes { get; } = new();

    /// <summary>The value kept for the record file at <paramref name="path"/>, if the file is still as it was when kept.</summary>
    internal T? Recall<T>(string path)
        where T : class =>
        _records.TryGetValue(path, out var kept) && kept.Value is T value && FileStamp.Of(path) == kept.Stamp ? value : null;

    /// <summary>
    /// Keeps <paramref name="value"/> as what the record file at <paramref name="path"/> holds now (call it just
    /// after writing or reading the file); forgets the record when the file is not there.
    /// </summary>
    internal void Keep(string path, object value)
    {
        if (FileStamp.Of(path) is { } stamp)
        {
            _records[path] = (stamp, value);
        }
        else
        {
            _records.TryRemove(path, out _);
        }
    }

    /// <summary>
    /// Forgets the record of <paramref name="path"/>: its file is being replaced by one the process does not keep
    /// (on a file system with coarse times, the new file could have the old one's length and time).
    /// </summary>
    internal void Forget(string path) => _records.TryRemove(path, out _);

    private readonly record struct FileStamp(long Length, long ModifiedTicks)
    {
        public static FileStamp? Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileStamp(file.Length, file.LastWriteTimeUtc.Ticks) : null;
        }
    }
}
