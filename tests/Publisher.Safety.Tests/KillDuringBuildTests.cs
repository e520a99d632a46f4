using System.Diagnostics;
using Publisher.Testing;

namespace Publisher.Safety.Tests;

/// <summary>
/// Kills the real <c>publisher build</c> while it is writing pages: the previous site must be there byte for byte,
/// and the next build must clear the leftovers and succeed.
/// </summary>
public sealed class KillDuringBuildTests
{
    [Fact]
    public async Task Should_Leave_The_Previous_Site_Intact_When_The_Build_Is_Killed_While_Writing()
    {
        // Given
        using var temp = new TempDirectory();
        GeneratedSite.Create(temp, 1500);
        var first = await PublisherProcess.RunAsync(temp.Path, "build");
        Assert.True(first.ExitCode == 0, first.Error);
        var before = SampleSite.Snapshot(temp.Combine("_site"));
        var report = temp.Combine("content/ganquan-road/2021/rule-of-law-report.md");
        File.WriteAllText(report, File.ReadAllText(report).Replace("title: 2021年度", "title: 修订后的2021年度", StringComparison.Ordinal));

        // When
        // --clean: an incremental build of an unchanged site would write nothing worth killing. One document at a time:
        // a build on every core finished its pages before this test's polling thread got a turn to count them.
        using (var build = PublisherProcess.Start(temp.Path, "build", "--clean", "--parallelism", "1"))
        {
            var killedWhileWriting = await KillWhenWritingAsync(build, temp.Path);
            Assert.True(killedWhileWriting, "the build finished before it could be killed while writing; make the generated site larger");
        }

        // Then
        var after = SampleSite.Snapshot(temp.Combine("_site"));
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(after[pair.Key]), pair.Key));
        Assert.NotEmpty(Directory.EnumerateDirectories(temp.Path, "._site.staging-*"));

        var next = await PublisherProcess.RunAsync(temp.Path, "build");
        Assert.True(next.ExitCode == 0, next.Error);
        Assert.Empty(Directory.EnumerateDirectories(temp.Path, "._site*"));
        Assert.Contains("修订后的2021年度", File.ReadAllText(temp.Combine("_site/ganquan-road/2021/rule-of-law-report/index.html")), StringComparison.Ordinal);
    }

    /// <summary>Polls the staging folder; kills the build once it holds written pages. False if the build ended first.</summary>
    private static async Task<bool> KillWhenWritingAsync(Process build, string root)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (build.HasExited)
            {
                return false;
            }

            var staging = Directory.EnumerateDirectories(root, "._site.staging-*").FirstOrDefault();
            if (staging is not null && CountPages(staging) >= 50)
            {
                build.Kill(entireProcessTree: true);
                await build.WaitForExitAsync();
                return true;
            }

            await Task.Delay(20);
        }

        build.Kill(entireProcessTree: true);
        return false;
    }

    private static int CountPages(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "index.html", SearchOption.AllDirectories).Take(50).Count();
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
