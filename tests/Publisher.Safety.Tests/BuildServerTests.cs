using System.Runtime.Versioning;
using System.Text;
using Publisher.Testing;

namespace Publisher.Safety.Tests;

/// <summary>
/// <c>publisher build --server</c> with the real command line and a real server process: the same site as a build in
/// a process of its own, every edit seen, errors shown the same way, and nothing left running after
/// <c>build-server stop</c>. Each test has a runtime folder of its own (<c>XDG_RUNTIME_DIR</c>), so its server is its own.
/// </summary>
public sealed class BuildServerTests : IDisposable
{
    private readonly TempDirectory _runtime = new();

    private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = _runtime.Path };

    public void Dispose()
    {
        // A server a failed test left running stops here, before its runtime folder goes.
        PublisherProcess.RunAsync(_runtime.Path, Environment, "build-server", "stop").GetAwaiter().GetResult();
        _runtime.Dispose();
    }

    [Fact]
    public async Task Should_Build_The_Same_Site_As_A_Build_Of_Its_Own_And_See_Every_Edit()
    {
        // Given: a site built through the server, then edited.
        using var served = new TempDirectory();
        using var alone = new TempDirectory();
        SampleSite.CopyTo(served);
        SampleSite.CopyTo(alone);
        var (firstExit, firstOutput, firstError) = await PublisherProcess.RunAsync(served.Path, Environment, "build", "--server");
        Assert.True(firstExit == 0, firstError);
        Assert.Contains("Built ", firstOutput, StringComparison.Ordinal);
        Edit(served);
        Edit(alone);

        // When
        var (secondExit, _, secondError) = await PublisherProcess.RunAsync(served.Path, Environment, "build", "--server");
        var (ownExit, _, ownError) = await PublisherProcess.RunAsync(alone.Path, "build");
        var (_, stopped, _) = await PublisherProcess.RunAsync(served.Path, Environment, "build-server", "stop");

        // Then: both builds ran in the server (none fell back to a build of its own), and the site is byte for byte
        // the one a separate process builds from the same files.
        Assert.True(secondExit == 0, secondError);
        Assert.True(ownExit == 0, ownError);
        Assert.Equal("Stopped the build server (2 build(s)).", stopped.Trim());
        Assert.Empty(secondError);
        var servedSite = SampleSite.Snapshot(served.Combine("_site"));
        var aloneSite = SampleSite.Snapshot(alone.Combine("_site"));
        Assert.Equal(aloneSite.Keys.Order(StringComparer.Ordinal), servedSite.Keys.Order(StringComparer.Ordinal));
        Assert.All(aloneSite, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(servedSite[pair.Key]), pair.Key));
        Assert.Contains(servedSite, pair => pair.Key.EndsWith(".html", StringComparison.Ordinal) && Encoding.UTF8.GetString(pair.Value).Contains("修订后的2021年度", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(_runtime.Path, "*.sock", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Should_Print_Content_Errors_As_File_Line_Column_And_Exit_One_Through_The_Server()
    {
        // Given
        using var temp = new TempDirectory();
        SampleSite.CopyTo(temp);
        var (firstExit, _, firstError) = await PublisherProcess.RunAsync(temp.Path, Environment, "build", "--server");
        Assert.True(firstExit == 0, firstError);
        var before = SampleSite.Snapshot(temp.Combine("_site"));
        var report = temp.Combine("content/ganquan-road/2021/rule-of-law-report.md");
        File.WriteAllText(report, File.ReadAllText(report).Replace("year: 2021", "year: [2021", StringComparison.Ordinal));

        // When
        var (brokenExit, _, broken) = await PublisherProcess.RunAsync(temp.Path, Environment, "build", "--server");

        // Then
        Assert.Equal(1, brokenExit);
        Assert.Matches(@"content/ganquan-road/2021/rule-of-law-report\.md:\d+:\d+: error PUB\d{4}", broken);
        Assert.Contains("the previous site was left as it was", broken, StringComparison.Ordinal);
        var after = SampleSite.Snapshot(temp.Combine("_site"));
        Assert.All(before, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(after[pair.Key]), pair.Key));
    }

    [Fact]
    public async Task Should_Report_A_Usage_Error_Through_The_Server_As_The_Command_Line_Does()
    {
        // Given: the command line hands the arguments to the server unparsed.
        using var temp = new TempDirectory();
        SampleSite.CopyTo(temp);

        // When
        var (servedExit, _, served) = await PublisherProcess.RunAsync(temp.Path, Environment, "build", "--server", "--no-such-option");
        var (_, _, own) = await PublisherProcess.RunAsync(temp.Path, "build", "--no-such-option");

        // Then
        Assert.Equal(2, servedExit);
        Assert.Equal(own, served);
        Assert.Contains("--no-such-option", served, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("_site")));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Should_Build_In_Its_Own_Process_And_Say_Why_When_The_Socket_Folder_Is_Open_To_Others()
    {
        // Given: a socket there would take builds from any user of the machine.
        Directory.CreateDirectory(Path.Combine(_runtime.Path, "publisher"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        using var temp = new TempDirectory();
        SampleSite.CopyTo(temp);

        // When
        var (exitCode, _, error) = await PublisherProcess.RunAsync(temp.Path, Environment, "build", "--server");

        // Then
        Assert.True(exitCode == 0, error);
        Assert.Contains("building in this process", error, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("_site", "index.html")));
        Assert.Empty(Directory.EnumerateFiles(_runtime.Path, "*.sock", SearchOption.AllDirectories));
    }

    private static void Edit(TempDirectory site)
    {
        var report = site.Combine("content/ganquan-road/2021/rule-of-law-report.md");
        File.WriteAllText(report, File.ReadAllText(report).Replace("title: 2021年度", "title: 修订后的2021年度", StringComparison.Ordinal));
    }
}
