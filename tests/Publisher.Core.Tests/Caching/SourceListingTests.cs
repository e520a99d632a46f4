using Publisher.Core.Caching;
using Publisher.Testing;

namespace Publisher.Core.Tests.Caching;

public sealed class SourceListingTests
{
    [Fact]
    public void Should_ListWhatEnumerateFilesLists_When_NamesOnlyNearlyMatchThePattern()
    {
        // Given: names a pattern matcher could get wrong, in nested folders
        using var temp = new TempDirectory();
        foreach (var name in new[] { "a.md", "b.MD", "c.mdx", "d.md.bak", ".hidden.md", "x/甲.md", "x/y/z/深.md", "x/y/readme.txt", "空格 名.md" })
        {
            temp.Write("content/" + name, name);
        }

        var root = temp.Combine("content");

        // When
        var listing = SourceListing.Scan(root, "*.md", maxDegreeOfParallelism: 2);

        // Then: the same files, sorted by relative path, each with the stamp a FileInfo gives
        var expected = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, listing.Files.Select(f => f.Relative));
        Assert.All(listing.Files, f => Assert.Equal(SourceStamps.Stamp.Of(new FileInfo(f.Path)), f.Stamp));
        Assert.False(listing.HasLinks);
    }

    [Fact]
    public void Should_SayItHoldsALink_When_AFolderOrFileBelowIsASymbolicLink()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("elsewhere/a.md", "甲");
        temp.Write("content/b.md", "乙");
        Directory.CreateDirectory(temp.Combine("content/x"));
        File.CreateSymbolicLink(temp.Combine("content/x/link.md"), temp.Combine("elsewhere/a.md"));
        using var other = new TempDirectory();
        other.Write("content/c.md", "丙");
        Directory.CreateSymbolicLink(other.Combine("content/linked"), temp.Combine("elsewhere"));

        // When
        var fileLink = SourceListing.Scan(temp.Combine("content"), "*.md", 2);
        var folderLink = SourceListing.Scan(other.Combine("content"), "*.md", 2);

        // Then: a change to what they point to is not an event below the folder
        Assert.True(fileLink.HasLinks);
        Assert.True(folderLink.HasLinks);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Should_MatchAFreshListing_When_UpdatedWithTheLeastAWatcherReports(int seed)
    {
        // Given: a tree of files, listed
        using var temp = new TempDirectory();
        var root = temp.Combine("content");
        var random = new Random(seed);
        for (var i = 0; i < 12; i++)
        {
            temp.Write($"content/{Folder(random)}/f{i}.md", $"文件{i}");
        }

        var listed = SourceListing.Scan(root, "*.md", 2).Files;
        var scans = 0;

        for (var step = 0; step < 25; step++)
        {
            // When: one change, reported as the fewest events a watcher could give (none for the files inside a new
            // or moved folder, none for the files of a deleted folder)
            var (changed, folderAppeared) = Change(random, root, $"n{step}");
            var updated = SourceListing.Update(listed, root, "*.md", changed);
            var fresh = SourceListing.Scan(root, "*.md", 2).Files;

            // Then: the update says to read the folder whole exactly when a folder appeared, else it is the fresh listing
            if (folderAppeared)
            {
                Assert.Null(updated);
                scans++;
            }
            else
            {
                Assert.NotNull(updated);
                Assert.Equal(fresh, updated);
            }

            listed = updated ?? fresh;
        }

        Assert.True(scans < 25, "every step needed a whole listing");
    }

    [Fact]
    public void Should_ReadTheFolderWhole_When_TheListedFolderItselfWasMoved()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("site/content/a.md", "甲");
        var root = temp.Combine("site/content");
        var listed = SourceListing.Scan(root, "*.md", 2).Files;

        // When: the folder itself, or one above it, is reported
        var itself = SourceListing.Update(listed, root, "*.md", [root]);
        var above = SourceListing.Update(listed, root, "*.md", [temp.Combine("site")]);
        var beside = SourceListing.Update(listed, root, "*.md", [temp.Combine("site/site.config.json")]);

        // Then
        Assert.Null(itself);
        Assert.Null(above);
        Assert.Same(listed, beside);
    }

    private static string Folder(Random random) => random.Next(4) switch
    {
        0 => "a",
        1 => "a/b",
        2 => "c",
        _ => "c/d/e",
    };

    /// <summary>Makes one random change below <paramref name="root"/>; returns the paths a watcher reports at the least.</summary>
    private static (string[] Changed, bool FolderAppeared) Change(Random random, string root, string name)
    {
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        var folders = Directory.GetDirectories(root, "*", SearchOption.AllDirectories);
        switch (random.Next(8))
        {
            case 0 when files.Length > 0:
                var edited = files[random.Next(files.Length)];
                File.AppendAllText(edited, "又改了。");
                return ([edited], false);
            case 1 when files.Length > 0:
                var deleted = files[random.Next(files.Length)];
                File.Delete(deleted);
                return ([deleted], false);
            case 2 when files.Length > 0:
                var (from, to) = (files[random.Next(files.Length)], Path.Combine(root, Folder(random), name + ".md"));
                var into = Path.GetDirectoryName(to)!;
                var newFolder = !Directory.Exists(into);
                Directory.CreateDirectory(into);
                File.Move(from, to);
                return (newFolder ? [from, into] : [from, to], newFolder);
            case 3:
                var other = Path.Combine(root, Folder(random), name + ".txt");
                var existed = Directory.Exists(Path.GetDirectoryName(other));
                Directory.CreateDirectory(Path.GetDirectoryName(other)!);
                File.WriteAllText(other, "不是文档");
                return (existed ? [other] : [Path.GetDirectoryName(other)!], !existed);
            case 4:
                var made = Path.Combine(root, name, "x");
                Directory.CreateDirectory(made);
                File.WriteAllText(Path.Combine(made, "新.md"), "新");
                return ([Path.Combine(root, name)], true);
            case 5 when folders.Length > 0:
                var gone = folders[random.Next(folders.Length)];
                Directory.Delete(gone, recursive: true);
                return ([gone], false);
            case 6 when folders.Length > 0:
                var moved = folders[random.Next(folders.Length)];
                var target = Path.Combine(root, name);
                Directory.Move(moved, target);
                return ([moved, target], true);
            default:
                var added = Path.Combine(root, name + ".md");
                File.WriteAllText(added, "根目录的新文件");
                return ([added], false);
        }
    }
}
