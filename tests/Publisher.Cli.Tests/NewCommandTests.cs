using Publisher.Testing;

namespace Publisher.Cli.Tests;

public sealed class NewCommandTests
{
    [Fact]
    public async Task Should_CreateFilesThatPassTheCheck_When_AnOfficeReportAndPageAreScaffolded()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);

        // When
        var office = await CliRun.RunAsync("new", "office", "changfeng", "--name", "长风新村街道办事处", "--district", "普陀区", "--config", config);
        var report = await CliRun.RunAsync("new", "report", "--office", "changfeng", "--year", "2024", "--config", config);
        var page = await CliRun.RunAsync("new", "page", "disclosure-guide", "--title", "政府信息公开指南", "--en", "--config", config);
        var check = await CliRun.RunAsync("check", "--config", config, "--lang", "en");

        // Then
        Assert.Equal([0, 0, 0], new[] { office.ExitCode, report.ExitCode, page.ExitCode });
        var reportText = File.ReadAllText(site.Combine("content", "changfeng", "2024", "rule-of-law-report.md"));
        Assert.Contains("title: \"2024年度长风新村街道办事处法治政府建设情况报告\"", reportText, StringComparison.Ordinal);
        Assert.Contains("## 一、", reportText, StringComparison.Ordinal);
        Assert.True(File.Exists(site.Combine("content", "offices", "changfeng.yml")));
        Assert.True(File.Exists(site.Combine("content", "pages", "disclosure-guide.en.md")));
        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public async Task Should_RefuseAndSuggest_When_TheOfficeIsUnknown()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);

        // When
        var run = await CliRun.RunAsync("new", "report", "--office", "ganquan-raod", "--year", "2024", "--config", config);

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Did you mean 'ganquan-road'?", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Combine("content", "ganquan-raod")));
    }

    [Fact]
    public async Task Should_LeaveTheFileAlone_When_ItAlreadyExists()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        var existing = site.Write("content/pages/guide.md", "---\ntitle: 已有\nkind: page\n---\n\n我的正文。\n");

        // When
        var run = await CliRun.RunAsync("new", "page", "guide", "--config", config);

        // Then
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already exists", run.Error, StringComparison.Ordinal);
        Assert.Contains("我的正文。", File.ReadAllText(existing), StringComparison.Ordinal);
    }
}
