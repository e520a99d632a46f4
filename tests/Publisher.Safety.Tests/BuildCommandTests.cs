using Publisher.Testing;

namespace Publisher.Safety.Tests;

/// <summary>What a user of the real command line sees when something other than content goes wrong.</summary>
public sealed class BuildCommandTests
{
    [Fact]
    public async Task Should_Name_The_File_And_Exit_Non_Zero_Without_A_Stack_Trace_When_A_Theme_Template_Throws()
    {
        // Given
        using var temp = new TempDirectory();
        SampleSite.CopyTo(temp);
        var template = temp.Combine("themes/default/layouts/Document.cshtml");
        File.WriteAllText(template, "@{ throw new InvalidOperationException(\"the theme is broken\"); }\n" + File.ReadAllText(template));

        // When
        var (exitCode, _, error) = await PublisherProcess.RunAsync(temp.Path, "build");

        // Then
        Assert.Equal(1, exitCode);
        Assert.Contains("content/ganquan-road/2021/rule-of-law-report.md: error PUB0001: unexpected failure in RenderPages", error, StringComparison.Ordinal);
        Assert.Contains("the theme is broken", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("_site")));
    }

    [Fact]
    public async Task Should_Explain_And_Exit_Non_Zero_Without_A_Stack_Trace_When_The_Output_Cannot_Be_Written()
    {
        // Given: the output path is taken by a file.
        using var temp = new TempDirectory();
        SampleSite.CopyTo(temp);
        temp.Write("_site", "not a folder");

        // When
        var (exitCode, _, error) = await PublisherProcess.RunAsync(temp.Path, "build");

        // Then
        Assert.Equal(3, exitCode);
        Assert.Contains("error PUB0903", error, StringComparison.Ordinal);
        Assert.Contains("_site", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(temp.Combine("_site")));
    }

    [Fact]
    public async Task Should_Print_Every_Content_Error_As_File_Line_Column_And_Exit_One()
    {
        // Given: two broken files in one site.
        var duplicate = BadInputCase.Load("yaml-duplicate-key");
        var date = BadInputCase.Load("impossible-date");
        using var temp = new TempDirectory();
        duplicate.Apply(temp);
        SampleSite.CopyFolder(Path.Combine(date.Folder, "site"), temp.Path);

        // When
        var (exitCode, _, error) = await PublisherProcess.RunAsync(temp.Path, "build");

        // Then
        Assert.Equal(1, exitCode);
        Assert.Contains("content/zhangmiao/2020/dup.md:7:1: error PUB0111:", error, StringComparison.Ordinal);
        Assert.Contains("content/zhangmiao/2020/feb-30.md:6:9: error PUB0124:", error, StringComparison.Ordinal);
        Assert.Contains("Build failed with 2 error(s)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
