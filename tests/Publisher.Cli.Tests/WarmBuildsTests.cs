using Publisher.Cli.Server;
using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Cli.Tests;

/// <summary>
/// Builds as the build server runs them (in one process, with <see cref="WarmBuilds"/>), on a copy of the sample
/// site: after the first, a build lists only what the content folder's watcher reported, and still builds the site
/// a clean build does, however soon after a change it starts.
/// </summary>
public sealed class WarmBuildsTests
{
    [Fact]
    public async Task Should_ListFromTheWatchersReports_And_BuildWhatACleanBuildBuilds_When_FilesChangeRightBeforeABuild()
    {
        // Given: a site built once through the server's state (its watcher starts with that build)
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        using var warm = new WarmBuilds();
        var first = await BuildAsync(warm, config);
        Assert.Contains("Source folders listed: 2, none of them from a file watcher's reports", first, StringComparison.Ordinal);

        // When: a report added, another renamed, one deleted and one edited, and the build started at once
        var report = temp.Combine("content/ganquan-road/2021/rule-of-law-report.md");
        File.WriteAllText(temp.Combine("content/ganquan-road/2021/added-report.md"), File.ReadAllText(report).Replace("title: 2021年度", "title: 新增的2021年度", StringComparison.Ordinal));
        File.WriteAllText(report, File.ReadAllText(report).Replace("title: 2021年度", "title: 修订后的2021年度", StringComparison.Ordinal));
        var others = Directory.EnumerateFiles(temp.Combine("content"), "*.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains("ganquan-road", StringComparison.Ordinal) && !f.Contains("/pages/", StringComparison.Ordinal) && !f.EndsWith(".en.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        File.Move(others[0], Path.Combine(Path.GetDirectoryName(others[0])!, "renamed-" + Path.GetFileName(others[0])));
        File.Delete(others[1]);
        File.Delete(others[1][..^3] + ".en.md");
        var second = await BuildAsync(warm, config);

        // Then
        Assert.Contains("Source folders listed: 2, 2 of them from a file watcher's reports", second, StringComparison.Ordinal);
        await AssertSameAsCleanBuildAsync(temp, config);
    }

    [Fact]
    public async Task Should_ListTheWholeFolder_And_BuildWhatACleanBuildBuilds_When_TheContentFolderWasReplaced()
    {
        // Given: a site built twice through the server's state, then its content folder moved aside and a copy with a
        // new report put in its place (as a tool that replaces a folder does): the watcher follows the old folder,
        // which reports nothing of the new one; without the sync's cookie, the build missed the new report
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        using var warm = new WarmBuilds();
        await BuildAsync(warm, config);
        await BuildAsync(warm, config);
        Directory.Move(temp.Combine("content"), temp.Combine("content-old"));
        SampleSite.CopyFolder(temp.Combine("content-old"), temp.Combine("content"));
        var report = temp.Combine("content/ganquan-road/2021/rule-of-law-report.md");
        File.WriteAllText(temp.Combine("content/ganquan-road/2021/added-report.md"), File.ReadAllText(report).Replace("title: 2021年度", "title: 新增的2021年度", StringComparison.Ordinal));

        // When
        var rebuilt = await BuildAsync(warm, config);
        var next = await BuildAsync(warm, config);

        // Then: that build listed the folder itself, the next one trusts the new watcher again
        Assert.Contains("Source folders listed: 2, none of them from a file watcher's reports", rebuilt, StringComparison.Ordinal);
        Assert.Contains("Source folders listed: 2, 2 of them from a file watcher's reports", next, StringComparison.Ordinal);
        await AssertSameAsCleanBuildAsync(temp, config);
    }

    /// <summary>A build as the server runs it for <c>publisher build --timings</c>; its output.</summary>
    private static async Task<string> BuildAsync(WarmBuilds warm, string config)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(["build", "--timings", "--config", config], output, error, warm);
        Assert.True(code == CliApp.Ok, error.ToString());
        return output.ToString();
    }

    private static async Task AssertSameAsCleanBuildAsync(TempDirectory temp, string config)
    {
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, temp.Combine("clean"), Incremental: false));
        Assert.True(clean.Succeeded, string.Join("\n", clean.Diagnostics));
        var expected = SampleSite.Snapshot(temp.Combine("clean"));
        var actual = SampleSite.Snapshot(temp.Combine("_site"));
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), pair.Key));
    }
}
