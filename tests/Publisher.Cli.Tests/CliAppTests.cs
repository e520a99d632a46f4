using Publisher.Testing;

namespace Publisher.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task Should_ListEveryCommand_When_HelpIsAsked()
    {
        // When
        var run = await CliRun.RunAsync("--help");

        // Then
        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "build", "check", "serve", "new" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("check", "--format")]
    [InlineData("serve", "--port")]
    [InlineData("new", "report")]
    public async Task Should_DescribeOptions_When_CommandHelpIsAsked(string command, string expected)
    {
        // When
        var run = await CliRun.RunAsync(command, "--help");

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PrintTheVersion_When_VersionIsAsked()
    {
        // When
        var run = await CliRun.RunAsync("--version");

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output.Trim());
    }

    [Theory]
    [InlineData("build", "--no-such-option")]
    [InlineData("check", "--format", "xml")]
    [InlineData("no-such-command")]
    [InlineData("new", "report", "--year", "2024")]
    public async Task Should_ExitWithTwo_When_TheCommandLineIsWrong(params string[] args)
    {
        // When
        var run = await CliRun.RunAsync(args);

        // Then
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("publisher --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_BuildTheSiteAndExitZero_When_ContentIsValid()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        SampleSite.CopyFolder(Path.Combine(RepositoryRoot.Path, "schemas"), site.Combine("schemas"));

        // When
        var run = await CliRun.RunAsync("build", "--config", config);

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(site.Combine("_site", "index.html")));
        Assert.Equal(File.ReadAllBytes(site.Combine("schemas", "front-matter.schema.json")), File.ReadAllBytes(site.Combine("_site", "schemas", "front-matter.schema.json")));
        Assert.DoesNotContain('\u001b', run.All);
    }

    [Fact]
    public async Task Should_ExitWithOneAndWriteNothing_When_ContentHasErrors()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        site.Write("content/ganquan-road/2021/broken.md", "---\ntitle: 坏文件\nkind: annual-report\noffice: ganquan-road\nyear: 2021\nissued: 2021-02-30\n---\n\n正文。\n");

        // When
        var run = await CliRun.RunAsync("build", "--config", config);

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/ganquan-road/2021/broken.md:6:", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Combine("_site")));
        Assert.DoesNotContain('\u001b', run.All);
    }
}
