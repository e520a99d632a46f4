using Publisher.Testing;

namespace Publisher.Site.Tests;

/// <summary>
/// What the publishing workflow (.github/workflows/publish.yml) relies on: a fresh checkout, whose every file is
/// new to the build, given back the cache folder (and the site) of the last run, builds the same site as a clean
/// build, and renders only what the commit changed.
/// </summary>
public sealed class RestoredCacheBuildTests
{
    private const string Report = "content/yuepu/2021/rule-of-law-report.md";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_Equal_A_Clean_Build_When_A_Fresh_Checkout_Gets_The_Last_Runs_Cache(bool siteRestored)
    {
        // Given: a run that built the site; its cache (and site) saved as a CI cache step saves them
        using var temp = new TempDirectory();
        using var saved = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var first = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Directory.Move(temp.Combine(".publisher-cache"), saved.Combine(".publisher-cache"));
        Directory.Move(temp.Combine("_site"), saved.Combine("_site"));

        // ...then the next commit checked out afresh in the same place (every file new), with one report edited,
        // and the saved folders restored
        foreach (var folder in new[] { "content", "themes" })
        {
            Directory.Delete(temp.Combine(folder), recursive: true);
        }

        File.Delete(config);
        SampleSite.CopyTo(temp);
        File.AppendAllText(temp.Combine(Report), "\n下一次提交新增的一段文字。\n");
        SampleSite.CopyFolder(saved.Combine(".publisher-cache"), temp.Combine(".publisher-cache"));
        if (siteRestored)
        {
            SampleSite.CopyFolder(saved.Combine("_site"), temp.Combine("_site"));
        }

        // When
        var restored = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then: the same site as a clean build; with the site restored too, only what the edit touched is written
        Assert.True(restored.Succeeded, string.Join("\n", restored.Diagnostics));
        Assert.True(clean.Succeeded);
        Assert.Contains("下一次提交新增的一段文字", File.ReadAllText(temp.Combine("_site/yuepu/2021/rule-of-law-report/index.html")), StringComparison.Ordinal);
        IncrementalEdgeCaseTests.AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
        if (siteRestored)
        {
            Assert.InRange(restored.Statistics.FilesWritten, 1, clean.Statistics.FilesWritten / 4);
        }
    }
}
