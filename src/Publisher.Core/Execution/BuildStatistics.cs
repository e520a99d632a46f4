using System.Collections.Concurrent;

namespace Publisher.Core.Execution;

/// <summary>Thread-safe counters for the build summary.</summary>
public sealed class BuildStatistics
{
    private long _documentsRead;
    private long _pagesWritten;
    private long _filesWritten;
    private long _bytesWritten;
    private readonly ConcurrentDictionary<string, long> _moduleTicks = new(StringComparer.Ordinal);

    /// <summary>Source documents read.</summary>
    public long DocumentsRead => Interlocked.Read(ref _documentsRead);

    /// <summary>HTML pages written.</summary>
    public long PagesWritten => Interlocked.Read(ref _pagesWritten);

    /// <summary>Files of any kind written.</summary>
    public long FilesWritten => Interlocked.Read(ref _filesWritten);

    /// <summary>Bytes written.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Counts source documents read.</summary>
    public void AddDocumentsRead(long count) => Interlocked.Add(ref _documentsRead, count);

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

    /// <summary>Adds time spent in one module.</summary>
    public void AddModuleTime(string key, TimeSpan elapsed) => _moduleTicks.AddOrUpdate(key, elapsed.Ticks, (_, t) => t + elapsed.Ticks);
}
