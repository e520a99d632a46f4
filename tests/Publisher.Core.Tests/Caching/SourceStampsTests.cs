using Publisher.Core.Caching;
using Publisher.Testing;

namespace Publisher.Core.Tests.Caching;

public sealed class SourceStampsTests
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddDays(-3);

    [Fact]
    public void Should_Give_The_Recorded_Hash_When_A_File_Is_As_The_Last_Build_Saw_It()
    {
        // Given: a file modified long before a build that recorded its stamp
        using var temp = new TempDirectory();
        var file = WriteOld(temp, "a.md", "甲");
        Record(temp, ("a.md", file, "hash-a"));

        // When
        var recalled = Open(temp).Sources.TryRecall("a.md", SourceStamps.Stamp.Of(new FileInfo(file)));

        // Then
        Assert.Equal("hash-a", recalled);
    }

    [Theory]
    [InlineData("length")]
    [InlineData("modified")]
    public void Should_Give_Nothing_When_The_Length_Or_A_Time_Changed(string change)
    {
        // Given
        using var temp = new TempDirectory();
        var file = WriteOld(temp, "a.md", "甲乙");
        Record(temp, ("a.md", file, "hash-a"));

        // When: the file changes in one way a stamp sees
        switch (change)
        {
            case "length":
                File.WriteAllText(file, "甲乙丙");
                File.SetLastWriteTimeUtc(file, LongAgo);
                break;
            default:
                File.SetLastWriteTimeUtc(file, LongAgo.AddTicks(1));
                break;
        }

        // Then
        Assert.Null(Open(temp).Sources.TryRecall("a.md", SourceStamps.Stamp.Of(new FileInfo(file))));
    }

    [Fact]
    public void Should_Not_Trust_A_File_Modified_Just_Before_The_Build_That_Recorded_It()
    {
        // Given: a file written a moment before the build (a later write in the same clock tick would not show)
        using var temp = new TempDirectory();
        var file = temp.Write("a.md", "甲");
        Record(temp, ("a.md", file, "hash-a"));

        // When
        var recalled = Open(temp).Sources.TryRecall("a.md", SourceStamps.Stamp.Of(new FileInfo(file)));

        // Then: read again; the build after that one trusts it
        Assert.Null(recalled);
    }

    [Fact]
    public void Should_Keep_The_Stamps_A_Build_Recalled_And_Drop_Those_Of_Files_It_Did_Not_See()
    {
        // Given: stamps of two files; the next build sees only the first
        using var temp = new TempDirectory();
        var a = WriteOld(temp, "a.md", "甲");
        var b = WriteOld(temp, "b.md", "乙");
        Record(temp, ("a.md", a, "hash-a"), ("b.md", b, "hash-b"));
        var cache = Open(temp);
        Assert.Equal("hash-a", cache.Sources.TryRecall("a.md", SourceStamps.Stamp.Of(new FileInfo(a))));

        // When
        cache.Save();

        // Then
        var next = Open(temp).Sources;
        Assert.Equal("hash-a", next.TryRecall("a.md", SourceStamps.Stamp.Of(new FileInfo(a))));
        Assert.Null(next.TryRecall("b.md", SourceStamps.Stamp.Of(new FileInfo(b))));
    }

    [Fact]
    public void Should_Trust_No_Stamp_After_One_Was_Found_To_Lie()
    {
        // Given: a build that recalled a stamp and then found the file's bytes were not the recorded ones
        using var temp = new TempDirectory();
        var a = WriteOld(temp, "a.md", "甲");
        Record(temp, ("a.md", a, "hash-a"));
        var cache = Open(temp);
        Assert.NotNull(cache.Sources.TryRecall("a.md", SourceStamps.Stamp.Of(new FileInfo(a))));

        // When
        cache.Sources.Forget();
        cache.Save();

        // Then: the next build reads the file
        Assert.Null(Open(temp).Sources.TryRecall("a.md", SourceStamps.Stamp.Of(new FileInfo(a))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("publisher-source-stamps 1\nnot a time\n")]
    [InlineData("publisher-source-stamps 0\n1\na.md\t3\t1\t1\thash-a\n")]
    public void Should_Read_Every_File_When_The_Record_Is_Damaged(string record)
    {
        // Given
        using var temp = new TempDirectory();
        var a = WriteOld(temp, "a.md", "甲");
        Record(temp, ("a.md", a, "hash-a"));
        var path = Directory.EnumerateFiles(temp.Combine("cache"), "sources-*.txt").Single();
        File.WriteAllText(path, record);

        // When / Then
        Assert.Null(Open(temp).Sources.TryRecall("a.md", SourceStamps.Stamp.Of(new FileInfo(a))));
    }

    [Fact]
    public void Should_Use_No_Stamp_In_A_Clean_Build()
    {
        using var temp = new TempDirectory();
        var a = WriteOld(temp, "a.md", "甲");
        Record(temp, ("a.md", a, "hash-a"));

        var clean = OutputCache.OpenForCleanBuild(temp.Combine("cache"), temp.Combine("site"), "fingerprint");

        Assert.Null(clean.Sources.TryRecall("a.md", SourceStamps.Stamp.Of(new FileInfo(a))));
    }

    private static string WriteOld(TempDirectory temp, string name, string text)
    {
        var path = temp.Write(name, text);
        File.SetLastWriteTimeUtc(path, LongAgo);
        return path;
    }

    private static OutputCache Open(TempDirectory temp) => OutputCache.Open(temp.Combine("cache"), temp.Combine("site"), "fingerprint");

    private static void Record(TempDirectory temp, params (string Source, string Path, string Hash)[] files)
    {
        var cache = Open(temp);
        foreach (var (source, path, hash) in files)
        {
            cache.Sources.Record(source, SourceStamps.Stamp.Of(new FileInfo(path)) with { Hash = hash });
        }

        cache.Save();
    }
}
