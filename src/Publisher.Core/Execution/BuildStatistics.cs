using System.Collections.Concurrent;
using System.Diagnostics;

namespace Publisher.Core.Execution;

/// <summary>Thread-safe counters for the build summary.</summary>
public sealed class BuildStatistics
{
    private long _documentsRead;
    private long _sourceFilesOpened;
    private long _pagesWritten;
    private long _filesWritten;
    private long _bytesWritten;
    private long _foldersListed;
    private long _foldersFromWatcher;
    private readonly ConcurrentDictionary<string, long> _moduleTicks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long First, long Last)> _moduleSpans = new(StringComparer.Ordinal);
    private readonly long _created = Stopwatch.GetTimestamp();

    /// <summary>Source documents read.</summary>
    public long DocumentsRead => Interlocked.Read(ref _documentsRead);

    /// <summary>
    /// Source files whose bytes were read from disk; the others were unchanged since the previous build (their
    /// stamps, <see cref="Caching.SourceStamps"/>), and no module needed their text.
    /// </summary>
    public long SourceFilesOpened => Interlocked.Read(ref _sourceFilesOpened);

    /// <summary>Source folders listed (<c>content/</c> for documents, its <c>offices/</c> for office records).</summary>
    public long FoldersListed => Interlocked.Read(ref _foldersListed);

    /// <summary>
    /// Of <see cref="FoldersListed"/>, those whose listing was the last build's brought up to date from a file
    /// watcher's reports (in the preview and the build server) rather than read from the file system.
    /// </summary>
    public long FoldersListedFromWatcher => Interlocked.Read(ref _foldersFromWatcher);

    /// <summary>HTML pages written.</summary>
    public long PagesWritten => Interlocked.Read(ref _pagesWritten);

    /// <summary>Files of any kind written.</summary>
    public long FilesWritten => Interlocked.Read(ref _filesWritten);

    /// <summary>Bytes written.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Counts source documents read.</summary>
    public void AddDocumentsRead(long count) => Interlocked.Add(ref _documentsRead, count);

    /// <summary>Counts one source file whose bytes were read.</summary>
    public void AddSourceFileOpened() => Interlocked.Increment(ref _sourceFilesOpened);

    /// <summary>Counts one listed source folder, and whether its listing came from a file watcher's reports.</summary>
    public void AddFolderListed(bool fromWatcher)
    {
        Interlocked.Increment(ref _foldersListed);
        if (fromWatcher)
        {
            Interlocked.Increment(ref _foldersFromWatcher);
        }
    }

    /// <summary>Counts one written file; HTML files count as pages.</summary>
    public void AddFileWritten(string path, long bytes)
    {
        Interlocked.Increment(ref _filesWritten);
        Interlocked.Add(ref _bytesWritten, bytes);
        if (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _pagesWritten);
        }
    }

    /// <summary>
    /// Wall time spent in each module, keyed "pipeline/phase/module". Pipelines run concurrently, so the sum of
    /// all entries can exceed the build's wall time.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> ModuleTimes =>
        _moduleTicks.ToDictionary(p => p.Key, p => TimeSpan.FromTicks(p.Value), StringComparer.Ordinal);

    /// <summary>
    /// When each module first started and last finished, from the start of the build: the critical path of a
    /// build, which <see cref="ModuleTimes"/> (summed, overlapping) cannot show.
    /// </summary>
    public IReadOnlyDictionary<string, (TimeSpan Started, TimeSpan Finished)> ModuleSpans =>
        _moduleSpans.ToDictionary(p => p.Key, p => (Stopwatch.GetElapsedTime(_created, p.Value.First), Stopwatch.GetElapsedTime(_created, p.Value.Last)), StringComparer.Ordinal);

    /// <summary>Adds one run of a module, from <paramref name="started"/> to now (<see cref="Stopwatch.GetTimestamp"/> values).</summary>
    public void AddModuleRun(string key, long started)
    {
        var finished = Stopwatch.GetTimestamp();
        var ticks = Stopwatch.GetElapsedTime(started, finished).Ticks;
        _moduleTicks.AddOrUpdate(key, ticks, (_, t) => t + ticks);
        _moduleSpans.AddOrUpdate(key, (started, finished), (_, span) => (Math.Min(span.First, started), Math.Max(span.Last, finished)));
    }
}
