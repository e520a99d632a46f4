using Publisher.Core.Caching;
using Publisher.Testing;

namespace Publisher.Core.Tests.Caching;

public sealed class BuildMemoryTests
{
    [Fact]
    public void Should_Not_Read_The_Notes_Base_Again_While_Its_File_Is_As_It_Was_When_Kept()
    {
        // Given a process that built twice (the second build read the base and appended a note to the log), then a
        // base file damaged without its length or modification time changing
        using var temp = new TempDirectory();
        var memory = new BuildMemory();
        BuildTwice(temp, memory);
        var basePath = Directory.GetFiles(temp.Combine("cache"), "notes-*.bin").Single();
        var modified = File.GetLastWriteTimeUtc(basePath);
        File.WriteAllBytes(basePath, new byte[new FileInfo(basePath).Length]);
        File.SetLastWriteTimeUtc(basePath, modified);

        // When the process builds again, and another process does
        var again = Open(temp, memory);
        var other = Open(temp, memory: null);

        // Then the process recalls the base's notes as it kept them, and the log's as read now; the other process,
        // which reads the file, finds it damaged and recalls nothing
        Assert.True(again.Notes.TryRecall("k3", out var k3));
        Assert.True(again.Notes.TryRecall("new", out var added));
        Assert.Equal(("值3", "新"), (k3, added));
        Assert.False(other.Notes.TryRecall("k3", out _));
    }

    [Fact]
    public void Should_Read_The_Notes_Base_Again_When_Another_Build_Wrote_It()
    {
        // Given a process that built twice, then another build of the same output folder that wrote a new base
        using var temp = new TempDirectory();
        var memory = new BuildMemory();
        BuildTwice(temp, memory);
        var other = Open(temp, memory: null);
        other.Notes.Note("other", "别的进程");
        other.Save();

        // When the process builds again
        var again = Open(temp, memory);

        // Then it finds the other build's notes, not only those it kept
        Assert.True(again.Notes.TryRecall("other", out var value));
        Assert.Equal("别的进程", value);
        Assert.False(again.Notes.TryRecall("k3", out _));
    }

    /// <summary>A first build notes 16 values (a new base); the second recalls them all and notes one more (appended to the log).</summary>
    private static void BuildTwice(TempDirectory temp, BuildMemory memory)
    {
        var first = Open(temp, memory);
        for (var i = 0; i < 16; i++)
        {
            first.Notes.Note($"k{i}", $"值{i}");
        }

        first.Save();
        var second = Open(temp, memory);
        for (var i = 0; i < 16; i++)
        {
            Assert.True(second.Notes.TryRecall($"k{i}", out _));
        }

        second.Notes.Note("new", "新");
        second.Save();
        Assert.True(File.Exists(Path.ChangeExtension(Directory.GetFiles(temp.Combine("cache"), "notes-*.bin").Single(), ".log")), "the second build's note was not appended to the log");
    }

    private static OutputCache Open(TempDirectory temp, BuildMemory? memory) =>
        OutputCache.Open(temp.Combine("cache"), temp.Combine("site"), "fingerprint", memory);
}
