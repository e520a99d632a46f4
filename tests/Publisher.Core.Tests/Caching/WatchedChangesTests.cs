using Publisher.Core.Caching;
using Publisher.Testing;

namespace Publisher.Core.Tests.Caching;

/// <summary>
/// A file added without the watcher reporting it shows whether a build listed the folder from the file system or
/// from the last build's listing and the watcher's reports.
/// </summary>
public sealed class WatchedChangesTests
{
    [Fact]
    public void Should_ListFromTheWatchersReports_When_TheWatcherCoversTheFolder()
    {
        // Given: a watched folder, listed by a successful build
        using var temp = new TempDirectory();
        var memory = WatchedAndBuilt(temp);

        // When: one file is reported and another is not
        var reported = temp.Write("content/a/2.md", "二");
        temp.Write("content/b/3.md", "三");
        memory.Changes.NoteChanged(reported);
        var listed = Build(temp, memory);

        // Then: only the folder of the reported file was read again
        Assert.Equal(["a/1.md", "a/2.md"], listed);
    }

    [Fact]
    public void Should_ReadTheWholeFolder_When_NoWatcherCoversIt()
    {
        // Given
        using var temp = new TempDirectory();
        var memory = new BuildMemory();
        memory.Changes.Watching(temp.Combine("themes"));
        temp.Write("content/a/1.md", "一");
        Build(temp, memory);

        // When
        temp.Write("content/b/3.md", "三");
        var listed = Build(temp, memory);

        // Then
        Assert.Equal(["a/1.md", "b/3.md"], listed);
    }

    [Fact]
    public void Should_ReadTheWholeFolder_When_TheWatcherStartedAfterTheListingWasMade()
    {
        // Given: a listing made before the watcher watched
        using var temp = new TempDirectory();
        var memory = new BuildMemory();
        temp.Write("content/a/1.md", "一");
        Build(temp, memory);
        temp.Write("content/b/3.md", "三"); // before the watcher: no event
        memory.Changes.Watching(temp.Combine("content"));

        // When
        var listed = Build(temp, memory);

        // Then
        Assert.Equal(["a/1.md", "b/3.md"], listed);
    }

    [Fact]
    public void Should_ReadTheWholeFolderOnce_When_TheWatcherLostEvents()
    {
        // Given
        using var temp = new TempDirectory();
        var memory = WatchedAndBuilt(temp);

        // When: the watcher's queue overflowed while a file was added
        temp.Write("content/b/3.md", "三");
        memory.Changes.NoteLost();
        var afterLoss = Build(temp, memory);
        temp.Write("content/c/4.md", "四");
        var next = Build(temp, memory);

        // Then: the build after the loss read everything; the one after it trusts the watcher again
        Assert.Equal(["a/1.md", "b/3.md"], afterLoss);
        Assert.Equal(["a/1.md", "b/3.md"], next);
    }

    [Fact]
    public void Should_ReadTheWholeFolderInEveryBuild_When_TheWatcherStoppedWatchingAFolder()
    {
        // Given
        using var temp = new TempDirectory();
        var memory = WatchedAndBuilt(temp);

        // When: the watcher could not watch a new folder (no inotify watch left), then builds succeed
        memory.Changes.NoteUnreliable();
        Build(temp, memory);
        temp.Write("content/b/3.md", "三");
        var later = Build(temp, memory);

        // Then
        Assert.Equal(["a/1.md", "b/3.md"], later);
    }

    [Fact]
    public void Should_KeepTheReportsForTheNextBuild_When_ABuildFails()
    {
        // Given
        using var temp = new TempDirectory();
        var memory = WatchedAndBuilt(temp);

        // When: a file is reported, and the build that lists it fails (saves nothing)
        memory.Changes.NoteChanged(temp.Write("content/b/3.md", "三"));
        var failed = Build(temp, memory, succeeds: false);
        var next = Build(temp, memory);

        // Then
        Assert.Equal(["a/1.md", "b/3.md"], failed);
        Assert.Equal(["a/1.md", "b/3.md"], next);
    }

    [Fact]
    public void Should_KeepAReportForTheNextBuild_When_ItCameWhileABuildRan()
    {
        // Given: a build that has begun
        using var temp = new TempDirectory();
        var memory = WatchedAndBuilt(temp);
        var running = OutputCache.Open(temp.Combine("cache"), temp.Combine("site"), "fingerprint", memory);
        var seen = running.Sources.List(temp.Combine("content"), "*.md", 2).Select(f => f.Relative).ToList();

        // When: a file is reported while it runs, and it succeeds
        memory.Changes.NoteChanged(temp.Write("content/b/3.md", "三"));
        running.Save();
        var next = Build(temp, memory);

        // Then: the running build did not see it; the next one does
        Assert.Equal(["a/1.md"], seen);
        Assert.Equal(["a/1.md", "b/3.md"], next);
    }

    /// <summary>A watched <c>content/</c> holding <c>a/1.md</c>, listed by a successful build; the process's memory.</summary>
    private static BuildMemory WatchedAndBuilt(TempDirectory temp)
    {
        var memory = new BuildMemory();
        memory.Changes.Watching(temp.Combine("content"));
        temp.Write("content/a/1.md", "一");
        Build(temp, memory);
        return memory;
    }

    /// <summary>One build of the folder <c>content/</c>: lists it, and saves (a successful build) or not (a failed one).</summary>
    private static List<string> Build(TempDirectory temp, BuildMemory memory, bool succeeds = true)
    {
        var cache = OutputCache.Open(temp.Combine("cache"), temp.Combine("site"), "fingerprint", memory);
        var listed = cache.Sources.List(temp.Combine("content"), "*.md", 2).Select(f => f.Relative).ToList();
        if (succeeds)
        {
            cache.Save();
        }

        return listed;
    }
}
