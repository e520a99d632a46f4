using Publisher.Core.Caching;
using Publisher.Core.IO;
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_Save_Notes_That_Waited_In_The_Spill_File(bool appendedToLog)
    {
        // Given: notes made by a build that sets long values aside in its spill file, into a new base file or
        // (after a build that made many notes) appended to the log
        using var temp = new TempDirectory();
        if (appendedToLog)
        {
            var before = Open(temp);
            for (var i = 0; i < 16; i++)
            {
                before.Notes.Note($"k{i}", $"值{i}");
            }

            before.Save();
        }

        var longText = string.Concat(Enumerable.Repeat("法治政府建设情况报告。", 600));
        using (var spill = SpillFile.Create(temp.Combine("cache")))
        {
            var cache = OutputCache.Open(temp.Combine("cache"), temp.Combine("site"), "fingerprint", spill: spill);
            if (appendedToLog)
            {
                RecallAll(cache, 16);
            }

            cache.Notes.Note("short", "甲");
            cache.Notes.Note("long", longText);
            cache.Notes.Note("longer", longText + longText);
            Assert.True(spill.Length >= longText.Length * 3 * sizeof(char));

            // When
            cache.Save();
        }

        // Then: the next build finds every value, whether it waited in the spill file or not
        var next = Open(temp);
        Assert.True(next.Notes.TryRecall("short", out var shortNote));
        Assert.True(next.Notes.TryRecall("long", out var longNote));
        Assert.True(next.Notes.TryRecall("longer", out var longerNote));
        Assert.Equal(("甲", longText, longText + longText), (shortNote, longNote, longerNote));
        Assert.Equal(appendedToLog, File.Exists(Directory.GetFiles(temp.Combine("cache"), "notes-*.log").SingleOrDefault() ?? "none"));
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

    [Fact]
    public void Should_Append_A_Few_New_Notes_To_The_Log_And_Leave_The_Base_As_It_Was()
    {
        // Given: a build's eight notes; the next build recalls them all, changes one and makes one more
        using var temp = new TempDirectory();
        SaveEightNotes(temp);
        var basePath = Directory.EnumerateFiles(temp.Combine("cache"), "notes-*.bin").Single();
        var baseBytes = File.ReadAllBytes(basePath);
        var second = RecallAll(Open(temp), 8);

        second.Notes.Note("k3", "新值");
        second.Notes.Note("k8", "值8");

        // When
        second.Save();

        // Then: the base has the same bytes, the log holds the two notes, and the next build finds all nine
        Assert.Equal(baseBytes, File.ReadAllBytes(basePath));
        Assert.True(new FileInfo(Path.ChangeExtension(basePath, ".log")).Length > 0);
        var third = Open(temp);
        Assert.True(third.Notes.TryRecall("k3", out var changed));
        Assert.Equal("新值", changed);
        Assert.True(third.Notes.TryRecall("k8", out var added));
        Assert.Equal("值8", added);
        Assert.True(third.Notes.TryRecall("k7", out var kept));
        Assert.Equal("值7", kept);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(5)] // in the middle of a UTF-16 code unit
    public void Should_Ignore_A_Torn_Log_Record_And_Append_After_The_Last_Good_One(int cutBytes)
    {
        // Given: a log whose last record was cut short (a build killed while saving)
        using var temp = new TempDirectory();
        SaveEightNotes(temp);
        var second = RecallAll(Open(temp), 8);
        second.Notes.Note("good", "完整");
        second.Save();
        var third = RecallAll(Open(temp), 8);
        Assert.True(third.Notes.TryRecall("good", out _));
        third.Notes.Note("torn", "被截断的记录");
        third.Save();
        var log = Directory.EnumerateFiles(temp.Combine("cache"), "notes-*.log").Single();
        File.WriteAllBytes(log, File.ReadAllBytes(log)[..^cutBytes]);

        // When: the next build finds the notes before the torn one, and makes another
        var fourth = RecallAll(Open(temp), 8);
        Assert.True(fourth.Notes.TryRecall("good", out var good));
        Assert.False(fourth.Notes.TryRecall("torn", out _));
        fourth.Notes.Note("after", "之后");
        fourth.Save();

        // Then: the note made after the torn record is found
        var fifth = Open(temp);
        Assert.Equal("完整", good);
        Assert.True(fifth.Notes.TryRecall("after", out var after));
        Assert.Equal("之后", after);
        Assert.True(fifth.Notes.TryRecall("good", out _));
    }

    [Fact]
    public void Should_Fold_The_Log_Into_A_New_Base_When_It_Passes_A_Quarter_Of_The_Notes()
    {
        // Given: eight notes, then builds that each make one more
        using var temp = new TempDirectory();
        SaveEightNotes(temp);
        for (var build = 0; build < 4; build++)
        {
            var next = RecallAll(Open(temp), 8 + build);
            next.Notes.Note($"k{8 + build}", $"值{8 + build}");
            next.Save();
        }

        // Then: the log was folded in (it is gone or short), and every note is found
        var log = Directory.EnumerateFiles(temp.Combine("cache"), "notes-*.log").SingleOrDefault();
        Assert.True(log is null || new FileInfo(log).Length < 200, "the log was never folded into the base");
        RecallAll(Open(temp), 12);
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

    /// <summary>A first build that notes k0 … k7 (值0 … 值7).</summary>
    private static void SaveEightNotes(TempDirectory temp)
    {
        var first = Open(temp);
        for (var i = 0; i < 8; i++)
        {
            first.Notes.Note($"k{i}", $"值{i}");
        }

        first.Save();
    }

    private static OutputCache RecallAll(OutputCache cache, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(cache.Notes.TryRecall($"k{i}", out var value), $"k{i} was not found");
            Assert.Equal($"值{i}", value);
        }

        return cache;
    }

    private static OutputCache Open(TempDirectory temp) => OutputCache.Open(temp.Combine("cache"), temp.Combine("site"), "fingerprint");
}
