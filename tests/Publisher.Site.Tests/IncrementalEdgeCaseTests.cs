using Publisher.Testing;

namespace Publisher.Site.Tests;

public sealed class IncrementalEdgeCaseTests
{
    [Fact]
    public async Task Should_Equal_A_Clean_Build_When_Only_The_Site_Settings_Change()
    {
        // Given: a built site whose title is then changed in site.config.json (no source file touched)
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var settings = File.ReadAllText(config);
        const string OldTitle = "上海市街镇法治政府建设报告公开平台";
        Assert.Contains(OldTitle, settings);
        File.WriteAllText(config, settings.Replace(OldTitle, "街镇报告公开平台（新名称）", StringComparison.Ordinal));

        // When
        await BuildIncrementallyAndCleanAsync(config);

        // Then: feeds and every other file carry the new title, as a clean build's do
        Assert.Contains("街镇报告公开平台（新名称）", File.ReadAllText(temp.Combine("_site/feed.xml")));
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Remove_The_Page_Of_A_Source_Deleted_After_A_Clean_Build()
    {
        // Given: an incremental build, then a new report built by a --clean build, then the report deleted
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var added = temp.Combine("content/yuepu/2021/added-report.md");
        File.Copy(temp.Combine("content/yuepu/2021/guide.md"), added);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, Incremental: false))).Succeeded);
        Assert.True(File.Exists(temp.Combine("_site/yuepu/2021/added-report/index.html")));
        File.Delete(added);

        // When
        await BuildIncrementallyAndCleanAsync(config);

        // Then: its pages are gone, folders included, and the site equals a clean build
        Assert.False(Directory.Exists(temp.Combine("_site/yuepu/2021/added-report")));
        Assert.False(Directory.Exists(temp.Combine("_site/en/yuepu/2021/added-report")));
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    /// <summary>An incremental build into _site, then a clean build of the same sources into clean/.</summary>
    private static async Task BuildIncrementallyAndCleanAsync(string config)
    {
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));
        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics));
        Assert.True(clean.Succeeded, string.Join("\n", clean.Diagnostics));
    }

    private static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expected = SampleSite.Snapshot(expectedFolder);
        var actual = SampleSite.Snapshot(actualFolder);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), $"{pair.Key} differs from a clean build"));
    }
}
