using Publisher.Core.Caching;
using Publisher.Preview;

namespace Publisher.Cli.Server;

/// <summary>
/// What the build server keeps from one build to the next: for each site it has built lately, what a process that
/// builds again and again keeps (<see cref="BuildMemory"/>: the records and notes of the last build, decoded) and a
/// file watcher on its content folder (<see cref="ContentWatch"/>), and the collector kept out of the builds until
/// the server is idle (<see cref="QuietCollector"/>), as in <c>publisher serve</c>. The code a build runs is compiled
/// after the first build, which is most of what a new process spends on a small rebuild. One build at a time.
/// </summary>
internal sealed class WarmBuilds : IDisposable
{
    /// <summary>How many sites are remembered; the one built longest ago is forgotten first.</summary>
    private const int SitesKept = 4;

    private static readonly TimeSpan QuietAfterBuild = TimeSpan.FromSeconds(1);

    private readonly LinkedList<Site> _sites = new();
    private readonly QuietCollector _collector = new(QuietAfterBuild);

    /// <summary>How many builds the server has run.</summary>
    public int Builds { get; private set; }

    /// <summary>
    /// What is kept for the site of the settings file at <paramref name="configPath"/> (a full path), with its
    /// content folder's watcher brought up to date for a build that starts now (<see cref="ContentWatch.BeforeBuildAsync"/>).
    /// </summary>
    public async Task<BuildMemory> BeforeBuildAsync(string configPath, CancellationToken cancellationToken)
    {
        var site = SiteFor(configPath);
        await site.Watch.BeforeBuildAsync(configPath, site.Memory.Changes, cancellationToken).ConfigureAwait(false);
        return site.Memory;
    }

    /// <summary>Runs <paramref name="build"/> with the collector kept out of it until the server is quiet again.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> build)
    {
        _collector.BeforeBuild();
        try
        {
            return await build().ConfigureAwait(false);
        }
        finally
        {
            _collector.AfterBuild();
            Builds++;
        }
    }

    public void Dispose()
    {
        foreach (var site in _sites)
        {
            site.Watch.Dispose();
        }

        _collector.Dispose();
    }

    private Site SiteFor(string configPath)
    {
        var node = _sites.First;
        while (node is not null && node.Value.ConfigPath != configPath)
        {
            node = node.Next;
        }

        if (node is null)
        {
            node = new LinkedListNode<Site>(new Site(configPath, new BuildMemory(), new ContentWatch()));
            if (_sites.Count == SitesKept)
            {
                _sites.Last!.Value.Watch.Dispose();
                _sites.RemoveLast();
            }
        }
        else
        {
            _sites.Remove(node);
        }

        _sites.AddFirst(node);
        return node.Value;
    }

    /// <summary>What is kept for one site.</summary>
    private sealed record Site(string ConfigPath, BuildMemory Memory, ContentWatch Watch);
}
