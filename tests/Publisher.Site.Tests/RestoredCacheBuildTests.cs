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
    private const string OtherOfficesPage = "_site/ganquan-road/2021/rule-of-law-report/index.html";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_Equal_A_Clean_Build_When_A_Fresh_Checkout_Gets_The_Last_Runs_Cache(bool siteRestored)
    {
        // Given
        using var temp = new TempDirectory();
        var config = await CheckOutTheNextCommitWithTheLastRunsCacheAsync(temp, siteRestored, mark: null);

        // When
        var restored = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then
        Assert.True(restored.Succeeded, string.Join("\n", restored.Diagnostics));
        Assert.True(clean.Succeeded);
        Assert.Contains("下一次提交新增的一段文字", File.ReadAllText(temp.Combine("_site/yuepu/2021/rule-of-law-report/index.html")), StringComparison.Ordinal);
        IncrementalEdgeCaseTests.AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Not_Render_Again_The_Pages_The_Commit_Did_Not_Touch_When_The_Last_Runs_Site_Is_Restored()
    {
        // Given: the restored site's page of another office's report marked, so a page rendered again would lose it
        using var temp = new TempDirectory();
        const string Mark = "<!-- as the last run left it -->";
        var config = await CheckOutTheNextCommitWithTheLastRunsCacheAsync(temp, siteRestored: true, Mark);

        // When
        var restored = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then: the edited report is published, the other office's page is kept as it was
        Assert.True(restored.Succeeded, string.Join("\n", restored.Diagnostics));
        Assert.Contains("下一次提交新增的一段文字", File.ReadAllText(temp.Combine("_site/yuepu/2021/rule-of-law-report/index.html")), StringComparison.Ordinal);
        Assert.EndsWith(Mark, File.ReadAllText(temp.Combine(OtherOfficesPage)), StringComparison.Ordinal);
    }

    /// <summary>
    /// Builds the sample site once, as the last run did, and saves its cache (and site) as a CI cache step does;
    /// then checks the next commit out afresh in the same place (every file new), with one report edited, and
    /// restores what was saved.
    /// </summary>
    private static async Task<string> CheckOutTheNextCommitWithTheLastRunsCacheAsync(TempDirectory temp, bool siteRestored, string? mark)
    {
        using var saved = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var last = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        Assert.True(last.Succeeded, string.Join("\n", last.Diagnostics));
        Directory.Move(temp.Combine(".publisher-cache"), saved.Combine(".publisher-cache"));
        Directory.Move(temp.Combine("_site"), saved.Combine("_site"));
        Directory.Delete(temp.Combine("content"), recursive: true);
        Directory.Delete(temp.Combine("themes"), recursive: true);
        File.Delete(config);

        SampleSite.CopyTo(temp);
        File.AppendAllText(temp.Combine(Report), "\n下一次提交新增的一段文字。\n");
        SampleSite.CopyFolder(saved.Combine(".publisher-cache"), temp.Combine(".publisher-cache"));
        if (siteRestored)
        {
            SampleSite.CopyFolder(saved.Combine("_site"), temp.Combine("_site"));
        }

        if (mark is not null)
        {
            File.AppendAllText(temp.Combine(OtherOfficesPage), mark);
        }

        return config;
    }
}
