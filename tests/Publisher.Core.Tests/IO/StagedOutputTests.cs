using Publisher.Core.IO;
using Publisher.Testing;

namespace Publisher.Core.Tests.IO;

public sealed class StagedOutputTests
{
    [Fact]
    public void Should_Replace_The_Target_Only_On_Commit()
    {
        // Given
        using var temp = new TempDirectory();
        var target = temp.Combine("_site");
        temp.Write("_site/old.html", "old");
        var staged = StagedOutput.Begin(target);
        File.WriteAllText(Path.Combine(staged.Staging, "new.html"), "new");

        // When
        var beforeCommit = File.Exists(Path.Combine(target, "old.html"));
        staged.Commit();

        // Then
        Assert.True(beforeCommit);
        Assert.False(File.Exists(Path.Combine(target, "old.html")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "new.html")));
        Assert.Equal(["_site"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Should_Leave_No_Part_Of_A_Deep_Previous_Site_Behind_On_Commit()
    {
        // Given: a previous site shaped like a real one (files at every depth, many folders side by side)
        using var temp = new TempDirectory();
        var target = temp.Combine("_site");
        temp.Write("_site/index.html", "old home");
        for (var office = 0; office < 12; office++)
        {
            for (var year = 2015; year < 2019; year++)
            {
                temp.Write($"_site/office-{office}/{year}/report/index.html", "old");
                temp.Write($"_site/en/office-{office}/{year}/report/index.html", "old");
            }

            temp.Write($"_site/office-{office}/index.html", "old");
        }

        var staged = StagedOutput.Begin(target);
        File.WriteAllText(Path.Combine(staged.Staging, "index.html"), "new home");

        // When
        staged.Commit();

        // Then: the new site alone, and no retired copy of the old one beside it
        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Equal("new home", File.ReadAllText(Path.Combine(target, "index.html")));
        Assert.Equal(["_site"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Should_Leave_The_Target_Untouched_On_Abandon_And_Clean_Leftovers_Next_Time()
    {
        // Given
        using var temp = new TempDirectory();
        var target = temp.Combine("_site");
        temp.Write("_site/index.html", "previous");
        var killed = StagedOutput.Begin(target);
        File.WriteAllText(Path.Combine(killed.Staging, "half.html"), "half");

        // When: a second build starts after the first died without cleaning up, then fails
        var next = StagedOutput.Begin(target);
        next.Abandon();

        // Then
        Assert.Equal("previous", File.ReadAllText(Path.Combine(target, "index.html")));
        Assert.False(Directory.Exists(killed.Staging));
        Assert.False(Directory.Exists(next.Staging));
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("C:\\windows")]
    [InlineData("bad\0name")]
    public void Should_Refuse_Paths_That_Leave_The_Output(string path)
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var problem = OutputPath.Problem(path);

        // Then
        Assert.NotNull(problem);
        Assert.Throws<InvalidOperationException>(() => OutputPath.Resolve(temp.Path, path));
    }
}
