using Publisher.Core.Caching;
using Publisher.Testing;

namespace Publisher.Core.Tests.Caching;

public sealed class BuildNotesTests
{
    [Fact]
    public void Should_Give_Back_Each_Note_And_Keep_Only_Those_Recalled_Or_Made()
    {
        // Given: notes of a build (Chinese text, an empty note, a long one)
        using var temp = new TempDirectory();
        var first = Open(temp);
        var longText = string.Concat(Enumerable.Repeat("法治政府建设情况报告。", 5000));
        first.Notes.Note("a", "甲");
        first.Notes.Note("b", string.Empty);
        first.Notes.Note("c", longText);
        first.Notes.Note("d", "丁");
        first.Save();

        // When: the next build recalls a, b and c (c without copying it), makes d again with another value, and
        // makes e
        var second = Open(temp);
        Assert.True(second.Notes.TryRecall("a", out var a));
        Assert.True(second.Notes.TryRecall("b", out var b));
        Assert.True(second.Notes.TryRecallText("c", out var c));
        Assert.False(second.Notes.TryRecall("x", out _));
        second.Notes.Note("d", "丁二");
        second.Notes.Note("e", "戊");
        second.Save();

        // Then
        Assert.Equal(("甲", string.Empty, longText), (a, b, c.ToString()));
        var third = Open(temp);
        Assert.True(third.Notes.TryRecall("a", out _));
        Assert.True(third.Notes.TryRecall("c", out var keptLong));
        Assert.Equal(longText, keptLong);
        Assert.True(third.Notes.TryRecall("d", out var d));
        Assert.Equal("丁二", d);
        Assert.True(third.Notes.TryRecall("e", out _));
        Assert.True(third.Notes.TryRecall("b", out _));
    }

    [Fact]
    public void Should_Drop_A_Note_No_Build_Asked_For()
    {
        using var temp = new TempDirectory();
        var first = Open(temp);
        first.Notes.Note("a", "甲");
        first.Notes.Note("b", "乙");
        first.Save();
        var second = Open(temp);
        Assert.True(second.Notes.TryRecall("a", out _));
        second.Save();

        var third = Open(temp);

        Assert.False(third.Notes.TryRecall("b", out _));
        Assert.True(third.Notes.TryRecall("a", out _));
    }

    [Fact]
    public void Should_Not_Write_The_File_Again_When_A_Build_Notes_Only_What_It_Recalled()
    {
        // Given: notes of a build; the next build makes one of them again with the same value
        using var temp = new TempDirectory();
        var first = Open(temp);
        first.Notes.Note("a", "甲");
        first.Notes.Note("b", "乙");
        first.Save();
        var path = Directory.EnumerateFiles(temp.Combine("cache"), "notes-*.bin").Single();
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-1));
        var written = File.GetLastWriteTimeUtc(path);
        var second = Open(temp);
        second.Notes.Note("a", "甲");
        Assert.True(second.Notes.TryRecall("b", out _));

        // When
        second.Save();

        // Then
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.True(Open(temp).Notes.TryRecall("a", out var a));
        Assert.Equal("甲", a);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(-4)]
    public void Should_Recall_Nothing_From_A_Damaged_File(int cut)
    {
        // Given: a notes file cut short, or with a byte changed in a length
        using var temp = new TempDirectory();
        var first = Open(temp);
        first.Notes.Note("key", "一条笔记");
        first.Notes.Note("other", "另一条");
        first.Save();
        var path = Directory.EnumerateFiles(temp.Combine("cache"), "notes-*.bin").Single();
        var bytes = File.ReadAllBytes(path);
        if (cut > 0)
        {
            File.WriteAllBytes(path, bytes[..^cut]);
        }
        else
        {
            bytes[^(-cut + 10)] = 0x7f;
            File.WriteAllBytes(path, bytes);
        }

        // When / Then: the whole file is refused (its checksum), so no note is half right
        var notes = Open(temp).Notes;
        Assert.False(notes.TryRecall("key", out _));
        Assert.False(notes.TryRecall("other", out _));
    }

    private static OutputCache Open(TempDirectory temp) => OutputCache.Open(temp.Combine("cache"), temp.Combine("site"), "fingerprint");
}
