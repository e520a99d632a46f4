using Publisher.Core.Caching;
using Publisher.Testing;

namespace Publisher.Core.Tests.Caching;

public sealed class OutputCacheTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_Look_For_A_Kept_Output_On_Disk_Unless_Only_The_Previous_Build_Wrote_The_Folder(bool outputsUntouched)
    {
        // Given: a build that recorded two pages, one of which was then deleted from the output folder
        using var temp = new TempDirectory();
        var cacheFolder = temp.Combine("cache");
        var site = temp.Combine("site");
        var first = OutputCache.Open(cacheFolder, site, "fingerprint");
        foreach (var page in new[] { "a/index.html", "b/index.html" })
        {
            first.RecordAndCheckUnchanged(page, "key-" + page, "hash-" + page);
            temp.Write("site/" + page, "<p>页面</p>");
        }

        first.Save();
        File.Delete(temp.Combine("site/b/index.html"));

        // When: the next build asks to keep both
        var next = OutputCache.Open(cacheFolder, site, "fingerprint", outputsUntouched: outputsUntouched);
        var keptA = next.TryKeep("a/index.html", "key-a/index.html");
        var keptB = next.TryKeep("b/index.html", "key-b/index.html");

        // Then: the page still there is kept either way; the deleted one is made again, unless the build was told
        // that no one but the previous build wrote the folder (a preview server's own), when it takes the record's word
        Assert.True(keptA);
        Assert.Equal(outputsUntouched, keptB);
        Assert.False(next.TryKeep("a/index.html", "another-key"));
    }
}
