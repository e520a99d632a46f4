using Publisher.Core.Execution;

namespace Publisher.Preview;

/// <summary>
/// Keeps the garbage collector out of a rebuild and lets it work while the editor reads the page. A rebuild of a
/// 10,000-document site allocates about 330 MB and used to stop for the collector twenty times (a quarter to a
/// third of what the editor waited); the objects are garbage a moment after the build. So each rebuild runs in
/// a no-GC region (<see cref="GC.TryStartNoGCRegion(long)"/>) sized from the last rebuild, and once the preview
/// has been quiet for a while (the browser has reloaded) the region ends, one collection clears the rebuild's
/// garbage, and a new region is opened for the next rebuild, all while no one waits. A rebuild that allocates
/// more than the region holds just ends it, and the collector runs as usual for the rest of that build.
/// </summary>
/// <remarks>
/// The cost is memory: the preview holds up to one rebuild's garbage until it has been quiet, at most
/// <see cref="MaxBudget"/> (and never more than an eighth of the memory the process may use,
/// <see cref="NoCollectionScope"/>).
/// </remarks>
public sealed class QuietCollector : IDisposable
{
    /// <summary>The smallest region opened.</summary>
    internal const long MinBudget = 64L << 20;

    /// <summary>The largest region opened.</summary>
    internal const long MaxBudget = 1L << 30;

    private readonly Lock _gate = new();
    private readonly Timer _quietTimer;
    private readonly TimeSpan _quiet;
    private long _budget = MinBudget;
    private long _expected;
    private long _allocatedBefore;
    private NoCollectionScope? _region;
    private int _builds;
    private bool _disposed;

    /// <param name="quiet">How long after a rebuild the collection waits (for the browser to reload the page).</param>
    public QuietCollector(TimeSpan quiet)
    {
        _quiet = quiet;
        _quietTimer = new Timer(_ => CollectNow(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>
    /// Before a build: a region is opened if none is open (the first build, or the last one used it up). When saves
    /// come faster than the quiet time, the rebuilds share the region; once it has no room left for another, its
    /// garbage is collected now, before the build, rather than in the middle of it.
    /// </summary>
    public void BeforeBuild()
    {
        lock (_gate)
        {
            _quietTimer.Change(Timeout.Infinite, Timeout.Infinite);
            if (NoCollectionScope.IsOpen && _region is { } region && region.Remaining < _expected * 5 / 4)
            {
                EndRegion();
                GC.Collect();
            }

            if (!NoCollectionScope.IsOpen)
            {
                TryStartRegion();
            }

            _allocatedBefore = GC.GetTotalAllocatedBytes();
        }
    }

    /// <summary>After a build: the next region is sized from it, and the collection waits for quiet.</summary>
    public void AfterBuild()
    {
        lock (_gate)
        {
            // The first build renders the whole site; a rebuild allocates a fraction of that, learnt from the next one.
            var allocated = GC.GetTotalAllocatedBytes() - _allocatedBefore;
            _expected = _builds++ == 0 ? 0 : allocated;
            _budget = Math.Max(MinBudget, Math.Min(MaxBudget, _expected == 0 ? MaxBudget : _expected * 3 / 2));
            if (!_disposed)
            {
                _quietTimer.Change(_quiet, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Ends the region, collects the last rebuild's garbage and opens the next region (what the quiet timer does).</summary>
    internal void CollectNow()
    {
        lock (_gate)
        {
            EndRegion();
            if (_disposed)
            {
                return;
            }

            GC.Collect();
            TryStartRegion();
        }
    }

    /// <summary>Stops the timer and ends the region (the server is stopping).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _quietTimer.Dispose();
            EndRegion();
        }
    }

    private void EndRegion()
    {
        _region?.Dispose();
        _region = null;
    }

    /// <summary>Opens a region of the budget; without one (the runtime refused it) the rebuild runs with the collector as usual.</summary>
    private void TryStartRegion() => _region = NoCollectionScope.TryBegin(_budget);
}
