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
}
