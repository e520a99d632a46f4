using Publisher.Core.Caching;
using Publisher.Testing;

namespace Publisher.Site.Tests;

/// <summary>Sources unchanged since the last build (same length and times) are not read, yet the site is the same.</summary>
public sealed class SourceStampBuildTests
{
    private const string Report = "content/yuepu/2021/rule-of-law-report.md";

    [Fact]
    public async Task Should_Read_Only_The_Office_Records_And_The_Statistics_Reports_When_Nothing_Changed()
    {
        // Given: a sample site whose files were last modified long ago, built once
        using var temp = new TempDirectory();
        var config = CopyOldSample(temp);
        var first = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        Assert.True(first.Succeeded);
        Assert.Equal(first.Statistics.DocumentsRead, first.Statistics.SourceFilesOpened);

        // When
        var again = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then: no other file is read (the office records and the statistics blocks are parsed in every build)
        Assert.True(again.Succeeded);
        Assert.Equal(AlwaysRead(temp), again.Statistics.SourceFilesOpened);
    }

    [Fact]
    public async Task Should_Read_The_Edited_File_And_Equal_A_Clean_Build_When_One_File_Changes()
    {
        // Given
        using var temp = new TempDirectory();
        var config = CopyOldSample(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        File.AppendAllText(temp.Combine(Report), "\n新增的一段文字。\n");

        // When
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then: the edit is published, with the edited file, the office records and at most the file's translation
        // read, and the site is byte for byte a clean build's
        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics));
        Assert.Contains("新增的一段文字", File.ReadAllText(temp.Combine("_site/yuepu/2021/rule-of-law-report/index.html")));
        Assert.InRange(incremental.Statistics.SourceFilesOpened, AlwaysRead(temp) + 1, AlwaysRead(temp) + 2);
        IncrementalEdgeCaseTests.AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Render_The_Deferred_Sources_When_Every_Page_Is_Made_Again()
    {
        // Given: a built site whose settings then change, so every page is rendered again from unread sources
        using var temp = new TempDirectory();
        var config = CopyOldSample(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        File.WriteAllText(config, File.ReadAllText(config).Replace("上海市街镇法治政府建设报告公开平台", "街镇报告公开平台", StringComparison.Ordinal));

        // When
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then
        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics));
        Assert.True(clean.Succeeded);
        IncrementalEdgeCaseTests.AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Fail_Naming_The_File_When_Its_Bytes_Changed_Behind_An_Unchanged_Stamp_And_Read_Everything_Next_Time()
    {
        // Given: a built site; then a report's bytes change while its length and modification time are put back
        // (what a careless restore tool might do), and a settings change makes every page render again
        using var temp = new TempDirectory();
        var config = CopyOldSample(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var before = SampleSite.Snapshot(temp.Combine("_site"));
        var report = temp.Combine(Report);
        var modified = File.GetLastWriteTimeUtc(report);
        var text = File.ReadAllText(report);
        var index = text.IndexOf("工作", StringComparison.Ordinal);
        File.WriteAllText(report, string.Concat(text.AsSpan(0, index), "事务", text.AsSpan(index + 2)));
        File.SetLastWriteTimeUtc(report, modified);
        File.WriteAllText(config, File.ReadAllText(config).Replace("上海市街镇法治政府建设报告公开平台", "街镇报告公开平台", StringComparison.Ordinal));

        // When
        var failed = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var next = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then: the first build stops with PUB0109 at the file and leaves the site as it was; the next reads every
        // source and equals a clean build
        Assert.False(failed.Succeeded);
        var error = Assert.Single(failed.Diagnostics, d => d.Code == "PUB0109");
        Assert.Equal(Report, error.Location.File);
        Assert.Equal(before.Keys, SampleSite.Snapshot(temp.Combine("_site")).Keys);
        Assert.True(next.Succeeded, string.Join("\n", next.Diagnostics));
        Assert.Equal(next.Statistics.DocumentsRead, next.Statistics.SourceFilesOpened);
        IncrementalEdgeCaseTests.AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Read_A_File_Edited_Just_Before_The_Last_Build_Even_If_Its_Stamp_Is_The_Same()
    {
        // Given: a report edited a moment before a build (a write later in the same clock tick could not be seen)
        using var temp = new TempDirectory();
        var config = CopyOldSample(temp);
        File.AppendAllText(temp.Combine(Report), "\n第一次修改。\n");
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);

        // When: the next build, with nothing changed, more than the margin after the edit; then one more
        await Task.Delay(SourceStamps.RacyMargin + TimeSpan.FromMilliseconds(200));
        var again = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var third = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then: the report is read again (its stamp was too new to trust), the others are not; the build after
        // that trusts the stamp the second build recorded
        Assert.True(again.Succeeded);
        Assert.Equal(AlwaysRead(temp) + 1, again.Statistics.SourceFilesOpened);
        Assert.Equal(AlwaysRead(temp), third.Statistics.SourceFilesOpened);
    }

    [Fact]
    public async Task Should_Publish_An_Attachment_Replaced_Since_The_Last_Build_And_Keep_One_Unchanged()
    {
        // Given: a built site whose PDF attachment is then replaced by another PDF (a later version of the report)
        using var temp = new TempDirectory();
        var config = CopyOldSample(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        const string Pdf = "ganquan-road/2021/rule-of-law-report/rule-of-law-report.pdf";
        var unchanged = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        Assert.Equal(0, unchanged.Statistics.FilesWritten);
        var attachment = temp.Combine("content/ganquan-road/2021/rule-of-law-report.pdf");
        var replacement = Path.Combine(RepositoryRoot.Path, "tests/Publisher.Import.Tests/Fixtures/yuepu.pdf");
        File.Copy(replacement, attachment, overwrite: true);
        File.SetLastWriteTimeUtc(attachment, DateTime.UtcNow);

        // When
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then: the new bytes are published (with the page that gives its size and page count), as a clean build does
        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics));
        Assert.Equal(File.ReadAllBytes(replacement), File.ReadAllBytes(temp.Combine("_site", Pdf)));
        IncrementalEdgeCaseTests.AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    /// <summary>The files every build reads: office records, and annual disclosure reports with a statistics block.</summary>
    private static int AlwaysRead(TempDirectory temp) =>
        Directory.GetFiles(temp.Combine("content/offices")).Length +
        Directory.EnumerateFiles(temp.Combine("content"), "*.md", SearchOption.AllDirectories).Count(f => File.ReadAllText(f).Contains("\nstatistics:", StringComparison.Ordinal));

    private static string CopyOldSample(TempDirectory temp)
    {
        var config = SampleSite.CopyTo(temp);
        foreach (var file in Directory.EnumerateFiles(temp.Combine("content"), "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-1));
        }

        return config;
    }
}
