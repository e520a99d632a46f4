using Publisher.Testing;

namespace Publisher.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task Should_PrintTheFiguresOfEveryBuildOfThePreviewsRebuildsOfTheBuildServersAndOfEveryRound_When_ASmallCorpusIsBenchmarked()
    {
        // Given
        using var temp = new TempDirectory();

        // When
        var run = await CliRun.RunAsync("bench", "--docs", "40", "--rounds", "2", "--keep", temp.Combine("bench"));

        // Then
        Assert.True(run.ExitCode == 0, run.All);
        foreach (var row in new[] { "clean (first run", "full (new output folder", "nothing changed", "one file edited", "fresh checkout with the last build's cache", "site title changed in the settings" })
        {
            Assert.Matches(@"\| publisher build, " + System.Text.RegularExpressions.Regex.Escape(row) + @"[^|]*\| \d+\.\d\d \| \d+\.\d \| \d+ \|", run.Output);
        }

        Assert.Matches(@"\| publisher serve, one file edited[^|]*\| \d+\.\d\d \|", run.Output);
        Assert.Matches(@"One edited file in publisher serve: \d+ ?% of a full build", run.Output);
        Assert.Matches(@"\| publisher build --server, one file edited[^|]*\| \d+\.\d\d \| \| \d+ \|", run.Output);
        Assert.Matches(@"One edited file with publisher build --server: \d+\.\d ?% of a full build", run.Output);
        Assert.Matches(@"Full build, 2 rounds \(each into a new output folder\): \d+\.\d\d / \d+\.\d\d s wall \(median \d+\.\d\d\); \d+\.\d / \d+\.\d s CPU", run.Output);
        Assert.True(File.Exists(temp.Combine("bench/site/_site-full-2/index.html")), "the second round builds into a folder of its own");
        Assert.Matches(@"One file edited, 2 builds \(a new edit before each\): \d+\.\d\d / \d+\.\d\d s wall \(median \d+\.\d\d\)", run.Output);
        Assert.Matches(@"One edited file, median of 2: \d+ ?% of the full builds' median", run.Output);
        Assert.Contains(
            Directory.EnumerateFiles(temp.Combine("bench/site/_site-full"), "index.html", SearchOption.AllDirectories),
            page => File.ReadAllText(page).Contains("本段为基准测试第2轮的修改。", StringComparison.Ordinal));
        Assert.Contains(
            Directory.EnumerateFiles(temp.Combine("bench/site/_site-full"), "index.html", SearchOption.AllDirectories),
            page => File.ReadAllText(page).Contains("命令行基准测试的第6次修改。", StringComparison.Ordinal));
        Assert.Contains("法治政府建设报告公开平台（基准）（修订）", File.ReadAllText(temp.Combine("bench/site/_site-full/index.html")));
    }
}
