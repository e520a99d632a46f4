using Publisher.Testing;

namespace Publisher.Site.Tests;

public sealed class IncrementalAfterCleanBuildTests
{
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
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then: its pages are gone, folders included, and the site equals a clean build
        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics));
        Assert.True(clean.Succeeded, string.Join("\n", clean.Diagnostics));
        Assert.False(Directory.Exists(temp.Combine("_site/yuepu/2021/added-report")));
        Assert.False(Directory.Exists(temp.Combine("_site/en/yuepu/2021/added-report")));
        var actual = SampleSite.Snapshot(temp.Combine("_site"));
        var expected = SampleSite.Snapshot(temp.Combine("clean"));
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), $"{pair.Key} differs from a clean build"));
    }
}
