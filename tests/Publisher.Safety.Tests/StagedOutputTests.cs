using Publisher.Core.IO;
using Publisher.Testing;

namespace Publisher.Safety.Tests;

public sealed class StagedOutputTests
{
    [Fact]
    public void Should_Put_The_Last_Good_Site_Back_When_A_Build_Was_Killed_In_The_Middle_Of_Its_Swap()
    {
        // Given: Commit moved _site aside, then the process died before moving the staging folder in.
        using var temp = new TempDirectory();
        temp.Write("._site.retired-0123/index.html", "last good site");
        temp.Write("._site.staging-1-abcd/index.html", "half written");

        // When
        var next = StagedOutput.Begin(temp.Combine("_site"));

        // Then
        Assert.Equal("last good site", File.ReadAllText(temp.Combine("_site/index.html")));
        Assert.Equal([Path.GetFileName(next.Staging), "_site"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_Remove_Links_In_The_Previous_Site_Without_Touching_What_They_Point_To()
    {
        // Given: a previous site holding links to folders outside it, at the depths the old site is removed in parallel
        using var temp = new TempDirectory();
        temp.Write("shared/assets/logo.svg", "<svg/>");
        temp.Write("shared/assets/2024/report.pdf", "%PDF");
        temp.Write("_site/index.html", "old");
        temp.Write("_site/office-1/index.html", "old");
        Directory.CreateSymbolicLink(temp.Combine("_site/assets"), temp.Combine("shared/assets"));
        Directory.CreateSymbolicLink(temp.Combine("_site/office-1/files"), temp.Combine("shared/assets"));
        var staged = StagedOutput.Begin(temp.Combine("_site"));
        File.WriteAllText(Path.Combine(staged.Staging, "index.html"), "new");

        // When: a build replaces the site, and the old one is removed
        staged.Commit();

        // Then: the links are gone with the old site, and the files they pointed to are all still there
        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(temp.Combine("_site")).Select(Path.GetFileName));
        Assert.Equal("<svg/>", File.ReadAllText(temp.Combine("shared/assets/logo.svg")));
        Assert.Equal("%PDF", File.ReadAllText(temp.Combine("shared/assets/2024/report.pdf")));
        Assert.Equal(["_site", "shared"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
