using Publisher.Testing;

namespace Publisher.Site.Tests;

public sealed class IncrementalSettingsTests
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
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then: feeds and every other file carry the new title, as a clean build's do
        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics));
        Assert.True(clean.Succeeded, string.Join("\n", clean.Diagnostics));
        Assert.Contains("街镇报告公开平台（新名称）", File.ReadAllText(temp.Combine("_site/feed.xml")));
        var actual = SampleSite.Snapshot(temp.Combine("_site"));
        var expected = SampleSite.Snapshot(temp.Combine("clean"));
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), $"{pair.Key} differs from a clean build"));
    }
}
