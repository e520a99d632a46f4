using Publisher.Testing;

namespace Publisher.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public async Task Should_PassAndWriteNothing_When_TheSampleContentIsChecked()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);

        // When
        var run = await CliRun.RunAsync("check", "--config", config);

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("检查通过", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Combine("_site")));
    }

    [Fact]
    public async Task Should_NameFileLineAndSuggestTheOfficeInChinese_When_AnOfficeIsMisspelt()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        var report = site.Combine("content", "ganquan-road", "2021");
        var file = Directory.EnumerateFiles(report, "*.md").First(f => !f.EndsWith(".en.md", StringComparison.Ordinal));
        File.WriteAllText(file, File.ReadAllText(file).Replace("office: ganquan-road", "office: ganquan-raod", StringComparison.Ordinal));
        var line = Array.FindIndex(File.ReadAllLines(file), l => l.StartsWith("office:", StringComparison.Ordinal)) + 1;

        // When
        var run = await CliRun.RunAsync("check", "--config", config);

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"content/ganquan-road/2021/{Path.GetFileName(file)}:{line}:9: 错误 PUB0150: 未知机构“ganquan-raod”。", run.Output, StringComparison.Ordinal);
        Assert.Contains("是不是要写“ganquan-road”？", run.Output, StringComparison.Ordinal);
        Assert.Contains("检查未通过：1 个错误", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PrintGitHubAnnotationsInEnglish_When_AskedForGitHubFormatAndEnglish()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        site.Write("content/pages/draft.md", "---\ntitle: 草稿\nkind: pgae\n---\n\n正文。\n");

        // When
        var run = await CliRun.RunAsync("check", "--config", config, "--format", "github", "--lang", "en");

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error file=content/pages/draft.md,line=3,col=7,title=PUB0122::'pgae' is not a valid kind.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'page'?", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.All);
    }

    [Fact]
    public async Task Should_UseTheEditorLanguageSetting_When_NoLanguageIsGiven()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"maxFileBytes\"", "\"editorLanguage\": \"en\",\n  \"maxFileBytes\"", StringComparison.Ordinal));
        site.Write("content/pages/draft.md", "---\ntitle: 草稿\nkind: page\nissued: 2021-13-01\n---\n\n正文。\n");

        // When
        var run = await CliRun.RunAsync("check", "--config", config);

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/draft.md:4:9: error PUB0124: 'issued' is not a real date: '2021-13-01'.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ReportAMissingAttachment_When_TheFileIsNotBesideTheDocument()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        site.Write("content/pages/rules.md", "---\ntitle: 制度\nkind: page\nattachments:\n  - { file: rules.pdf, title: 制度全文 }\n---\n\n正文。\n");

        // When
        var run = await CliRun.RunAsync("check", "--config", config);

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("content/pages/rules.md:5:13:", run.Output, StringComparison.Ordinal);
        Assert.Contains("PUB1111: 附件“rules.pdf”不在 content/pages/ 里。", run.Output, StringComparison.Ordinal);
    }
}
