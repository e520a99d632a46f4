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

    [Fact]
    public void Should_Tell_Whether_The_Previous_Build_Of_The_Folder_Had_The_Same_Fingerprint()
    {
        // Given: no build yet
        using var temp = new TempDirectory();
        var cacheFolder = temp.Combine("cache");
        var site = temp.Combine("site");
        Directory.CreateDirectory(site);
        void Build(string fingerprint)
        {
            var cache = OutputCache.Open(cacheFolder, site, fingerprint);
            cache.RecordAndCheckUnchanged("index.html", "key-" + fingerprint, "hash");
            cache.Save();
        }

        // When / Then: only a record made under the same fingerprint counts, and a clean build never does
        Assert.False(OutputCache.Open(cacheFolder, site, "theme-1").FingerprintUnchanged);
        Build("theme-1");
        Assert.True(OutputCache.Open(cacheFolder, site, "theme-1").FingerprintUnchanged);
        Assert.False(OutputCache.Open(cacheFolder, site, "theme-2").FingerprintUnchanged);
        Assert.False(OutputCache.OpenForCleanBuild(cacheFolder, site, "theme-1").FingerprintUnchanged);
        Assert.False(OutputCache.Open(cacheFolder, temp.Combine("other-site"), "theme-1").FingerprintUnchanged);
        Build("theme-2");
        Assert.True(OutputCache.Open(cacheFolder, site, "theme-2").FingerprintUnchanged);
        Assert.False(OutputCache.Open(cacheFolder, site, "theme-1").FingerprintUnchanged);
    }

    [Theory]
    [InlineData("same", false)]
    [InlineData("new-hash", true)]
    [InlineData("new-key", true)]
    public void Should_Write_Its_Record_Again_Only_When_An_Output_Was_Recorded_Otherwise(string change, bool rewritten)
    {
        // Given: a build that recorded two pages and a search index file declared under its inputs key
        using var temp = new TempDirectory();
        var cacheFolder = temp.Combine("cache");
        var site = temp.Combine("site");
        Directory.CreateDirectory(site);
        var first = OutputCache.Open(cacheFolder, site, "fingerprint");
        first.RecordAndCheckUnchanged("a/index.html", "key-a", "hash-a");
        first.RecordAndCheckUnchanged("b/index.html", "key-b", "hash-b");
        first.RecordAndCheckUnchanged("search/index/meta.json", null, "hash-meta");
        first.DeclareInputs("search/index/meta.json", "key-index");
        first.Save();
        var record = Directory.GetFiles(cacheFolder, "outputs-*.txt").Single();
        File.SetLastWriteTimeUtc(record, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        // When: the next build keeps one page, records the other with the same or another entry, and makes the index again
        var next = OutputCache.Open(cacheFolder, site, "fingerprint", outputsUntouched: true);
        Assert.True(next.TryKeep("a/index.html", "key-a"));
        next.RecordAndCheckUnchanged("b/index.html", change == "new-key" ? "key-b2" : "key-b", change == "new-hash" ? "hash-b2" : "hash-b");
        next.RecordAndCheckUnchanged("search/index/meta.json", null, "hash-meta");
        next.DeclareInputs("search/index/meta.json", "key-index");
        next.Save();

        // Then: the record is written again only when an entry differs, and the build after reads what was recorded
        Assert.Equal(rewritten, File.GetLastWriteTimeUtc(record).Year != 2020);
        var third = OutputCache.Open(cacheFolder, site, "fingerprint", outputsUntouched: true);
        Assert.Equal(change == "new-hash" ? "hash-b2" : "hash-b", third.RecordedContentHash("b/index.html"));
        Assert.Equal(change != "new-key", third.TryKeep("b/index.html", "key-b"));
        Assert.Equal(["search/index/meta.json"], third.TryKeepAll("key-index"));
    }
}
