using Publisher.Core.Caching;
using Publisher.Testing;

namespace Publisher.Core.Tests.Caching;

/// <summary>
/// A real file watcher on a real folder: after <see cref="FolderWatch.SyncAsync"/>, a build brings the last listing
/// up to date from the watcher's reports alone and finds every file a full listing would.
/// </summary>
public sealed class FolderWatchTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Should_HaveReportedEveryChange_When_ItSyncsRightAfterManyChanges()
    {
        // Given: a watched folder, listed by a successful build
        using var temp = new TempDirectory();
        for (var folder = 0; folder < 20; folder++)
        {
            temp.Write($"content/f{folder}/old.md", "旧");
        }

        var memory = new BuildMemory();
        using var watch = FolderWatch.TryStart(temp.Combine("content"), memory.Changes);
        Assert.NotNull(watch);
        Build(temp, memory);

        // When: hundreds of files added, renamed and deleted in every folder, and the watch synchronised at once
        for (var folder = 0; folder < 20; folder++)
        {
            for (var file = 0; file < 15; file++)
            {
                temp.Write($"content/f{folder}/new-{file}.md", "新");
            }

            File.Move(temp.Combine($"content/f{folder}/new-0.md"), temp.Combine($"content/f{folder}/renamed.md"));
            File.Delete(temp.Combine($"content/f{folder}/old.md"));
        }

        var synced = await watch.SyncAsync(Timeout);
        var (listed, fromWatcher) = Build(temp, memory);

        // Then: the listing came from the watcher's reports, and it is the file system's
        Assert.True(synced);
        Assert.True(fromWatcher);
        Assert.Equal(SourceListing.Scan(temp.Combine("content"), "*.md", 2).Files.Select(f => f.Relative), listed);
        Assert.Equal(20 * 15, listed.Count);
    }

    [Fact]
    public async Task Should_LeaveNoCookieBehind_When_ItSyncs()
    {
        // Given
        using var temp = new TempDirectory();
        using var watch = WatchOneFile(temp);

        // When
        var synced = await watch.SyncAsync(Timeout) && await watch.SyncAsync(Timeout);

        // Then
        Assert.True(synced);
        Assert.Equal([temp.Combine("content/a")], Directory.EnumerateFileSystemEntries(temp.Combine("content")));
    }

    [Fact]
    public async Task Should_NotSync_When_ItsFolderWasReplaced()
    {
        // Given: the watched folder moved aside and another put in its place: the watcher follows the old one, and
        // reports nothing of the new one
        using var temp = new TempDirectory();
        using var watch = WatchOneFile(temp);
        Directory.Move(temp.Combine("content"), temp.Combine("content-old"));
        temp.Write("content/a/1.md", "一");

        // When
        var synced = await watch.SyncAsync(TimeSpan.FromMilliseconds(500));

        // Then
        Assert.False(synced);
    }

    [Fact]
    public async Task Should_SayTheCookieWasRefused_When_ItCannotBeCreated()
    {
        // Given: a folder where the watch's first cookie cannot be made (a folder has its name; as root, a folder
        // without write permission does not stop it)
        using var temp = new TempDirectory();
        using var watch = WatchOneFile(temp);
        Directory.CreateDirectory(temp.Combine("content", $".publisher-sync-{Environment.ProcessId}-1"));

        // When
        var synced = await watch.SyncAsync(Timeout);

        // Then
        Assert.False(synced);
        Assert.True(watch.CookieRefused);
    }

    [Fact]
    public void Should_LeaveTheListingToTheFileSystem_When_ItStops()
    {
        // Given: a watched folder listed by a build, then the watch stopped and a file added
        using var temp = new TempDirectory();
        temp.Write("content/a/1.md", "一");
        var memory = new BuildMemory();
        var watch = FolderWatch.TryStart(temp.Combine("content"), memory.Changes);
        Assert.NotNull(watch);
        Build(temp, memory);
        watch.Dispose();
        temp.Write("content/b/2.md", "二");

        // When
        var (listed, fromWatcher) = Build(temp, memory);

        // Then: nothing reported the new file, so the folder was read again
        Assert.False(fromWatcher);
        Assert.Equal(["a/1.md", "b/2.md"], listed);
    }

    [Fact]
    public void Should_NotStart_When_TheFolderIsMissing()
    {
        using var temp = new TempDirectory();

        Assert.Null(FolderWatch.TryStart(temp.Combine("content"), new BuildMemory().Changes));
    }

    /// <summary>A watch on <c>content/</c>, which holds one file.</summary>
    private static FolderWatch WatchOneFile(TempDirectory temp)
    {
        temp.Write("content/a/1.md", "一");
        var watch = FolderWatch.TryStart(temp.Combine("content"), new BuildMemory().Changes);
        Assert.NotNull(watch);
        return watch;
    }

    /// <summary>One build of the folder <c>content/</c>: lists it and saves, as a successful build does.</summary>
    private static (List<string> Listed, bool FromWatcher) Build(TempDirectory temp, BuildMemory memory)
    {
        var cache = OutputCache.Open(temp.Combine("cache"), temp.Combine("site"), "fingerprint", memory);
        var listed = cache.Sources.List(temp.Combine("content"), "*.md", 2, out var fromWatcher).Select(f => f.Relative).ToList();
        cache.Save();
        return (listed, fromWatcher);
    }
}
