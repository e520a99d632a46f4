using Publisher.Core.Caching;
using Publisher.Testing;

namespace Publisher.Core.Tests.Caching;

public sealed class StaleRecordsTests
{
    [Fact]
    public void Should_Remove_The_Records_Of_An_Output_Folder_That_Is_Gone()
    {
        // Given: builds into two output folders (a preview's temporary one, say), then the second is deleted
        using var temp = new TempDirectory();
        Build(temp, "site");
        Build(temp, "preview");
        var previewRecords = RecordsOf(temp, "preview");
        Assert.NotEmpty(previewRecords);
        Directory.Delete(temp.Combine("preview"), recursive: true);

        // When
        Build(temp, "site");

        // Then: the deleted folder's records are gone, the live folder's are still there
        Assert.All(previewRecords, path => Assert.False(File.Exists(path), path));
        Assert.NotEmpty(RecordsOf(temp, "site"));
        Assert.True(OutputCache.Open(temp.Combine("cache"), temp.Combine("site"), "fingerprint").IsIncremental);
    }

    [Fact]
    public void Should_Keep_The_Records_Of_Another_Output_Folder_That_Still_Exists()
    {
        // Given
        using var temp = new TempDirectory();
        Build(temp, "site");
        Build(temp, "other");
        var otherRecords = RecordsOf(temp, "other");

        // When
        Build(temp, "site");

        // Then
        Assert.All(otherRecords, path => Assert.True(File.Exists(path), path));
        Assert.True(OutputCache.Open(temp.Combine("cache"), temp.Combine("other"), "fingerprint").IsIncremental);
    }

    [Fact]
    public void Should_Remove_Records_That_Name_No_Folder_Only_After_A_Day()
    {
        // Given: records an older version left (no folder file), one group written long ago and one just now
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("cache"));
        var old = temp.Write("cache/notes-0123456789abcdef.bin", "old");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-2));
        var recent = temp.Write("cache/notes-fedcba9876543210.bin", "recent");
        var unrelated = temp.Write("cache/search-terms-en.manifest", "kept");

        // When
        Build(temp, "site");

        // Then
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(unrelated));
    }

    private static void Build(TempDirectory temp, string folder)
    {
        Directory.CreateDirectory(temp.Combine(folder));
        var cache = OutputCache.Open(temp.Combine("cache"), temp.Combine(folder), "fingerprint");
        cache.RecordAndCheckUnchanged("index.html", "inputs", "hash");
        cache.Save();
    }

    /// <summary>The record files of one output folder: those a build into another folder does not make.</summary>
    private static List<string> RecordsOf(TempDirectory temp, string folder)
    {
        var key = Path.GetFileName(OutputCache.Open(temp.Combine("cache"), temp.Combine(folder), "fingerprint").RecordPath("x-", ".y"))[2..^2];
        return [.. Directory.EnumerateFiles(temp.Combine("cache")).Where(path => Path.GetFileName(path).Contains(key, StringComparison.Ordinal))];
    }
}
