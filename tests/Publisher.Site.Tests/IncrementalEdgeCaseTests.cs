using Publisher.Core.Caching;
using Publisher.Testing;

namespace Publisher.Site.Tests;

public sealed class IncrementalEdgeCaseTests
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
        await BuildIncrementallyAndCleanAsync(config);

        // Then: feeds and every other file carry the new title, as a clean build's do
        Assert.Contains("街镇报告公开平台（新名称）", File.ReadAllText(temp.Combine("_site/feed.xml")));
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Remove_The_Page_Of_A_Source_Deleted_After_A_Clean_Build()
    {
        // Given: an incremental build, then a new report built by a --clean build, then the report deleted
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var added = temp.Combine("content/yuepu/2021/added-report.md");
        File.Copy(temp.Combine("content/yuepu/2021/guide.md"), added);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, Incremental: false))).Succeeded);
        Assert.True(File.Exists(temp.Combine("_site/yuepu/2021/added-report/index.html")));
        File.Delete(added);

        // When
        await BuildIncrementallyAndCleanAsync(config);

        // Then: its pages are gone, folders included, and the site equals a clean build
        Assert.False(Directory.Exists(temp.Combine("_site/yuepu/2021/added-report")));
        Assert.False(Directory.Exists(temp.Combine("_site/en/yuepu/2021/added-report")));
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Count_Replacing_The_Previous_Site_In_The_Time_A_Clean_Build_Reports()
    {
        // Given: a built site
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);

        // When: a --clean build replaces it (the old site is removed after the new one is in place)
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, Incremental: false));

        // Then: the step is listed by --timings and the build's time, which the command prints, includes it
        Assert.True(clean.Succeeded);
        var (_, syncFinished) = Assert.Contains(SiteBuilder.SyncTimingKey, clean.Statistics.ModuleSpans);
        Assert.True(clean.Elapsed >= syncFinished, $"reported {clean.Elapsed}, but putting the site in place ended at {syncFinished}");
        Assert.Equal([".publisher-cache", "_site"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName).Where(n => n!.StartsWith('.') || n.StartsWith('_')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_Keep_Every_Page_When_The_Same_Process_Builds_Again_With_Nothing_Changed()
    {
        // Given: a site built once in this process (as a preview server does before its first rebuild)
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);

        // When
        var again = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then: no page is rendered again (the code's fingerprint does not change as the process loads assemblies)
        Assert.True(again.Succeeded);
        var pages = again.Outputs["PagesPipeline"].Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(page.Get<bool>(OutputCache.KeptKey), $"{page.Destination} was rendered again"));
    }

    [Fact]
    public async Task Should_Keep_The_Search_Index_Written_Straight_To_Disk_When_Nothing_Changed()
    {
        // Given: a site built once (the index writes its files itself, before MemoizeAll names their inputs)
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);

        // When
        var again = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then: every index file is kept from the first build, none made again
        Assert.True(again.Succeeded);
        var index = again.Outputs["SearchIndexPipeline"].Where(d => d.Destination.Contains("/index/", StringComparison.Ordinal)).ToList();
        Assert.Contains(index, d => d.Destination == "search/index/meta.json");
        Assert.Contains(index, d => d.Destination == "en/search/index/meta.json");
        Assert.All(index, file => Assert.True(file.Get<bool>(OutputCache.KeptKey), $"{file.Destination} was made again"));
        Assert.True(File.Exists(temp.Combine("_site/search/index/meta.json")));
    }

    [Theory]
    [InlineData("body", true)]
    [InlineData("comment", true)]
    [InlineData("title", false)]
    public async Task Should_Keep_The_Data_Export_Only_While_What_It_Lists_Is_Unchanged(string edit, bool kept)
    {
        // Given: a site built once, then a report's body edited (the export lists no body), a comment added to its
        // front matter (another front matter, the same values) or its title changed
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var report = temp.Combine("content/yuepu/2021/guide.md");
        var text = File.ReadAllText(report);
        Assert.StartsWith("---\n", text);
        File.WriteAllText(report, edit switch
        {
            "body" => text + "\n\n街道新增一段说明。\n",
            "comment" => "---\n# 编辑备注：核对了发文日期。\n" + text[4..],
            _ => text.Replace("title: 月浦镇", "title: 宝山区月浦镇", StringComparison.Ordinal),
        });

        // When
        var next = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.True(next.Succeeded);
        var export = Assert.Single(next.Outputs["SiteFilesPipeline"], d => d.Destination == "data/documents.json");
        Assert.Equal(kept, export.Get<bool>(OutputCache.KeptKey));
        Assert.Equal(!kept, File.ReadAllText(temp.Combine("_site/data/documents.json")).Contains("宝山区月浦镇", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Keep_The_English_Index_When_Only_A_Chinese_Body_Changed()
    {
        // Given: a site built once, then a paragraph added to the body of a report that has no English translation
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var report = temp.Combine("content/yuepu/2021/guide.md");
        Assert.False(File.Exists(temp.Combine("content/yuepu/2021/guide.en.md")));
        File.AppendAllText(report, "\n\n街道新增一段说明：独一无二的检索词葡萄藤。\n");

        // When
        var next = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then: the Chinese index is patched and finds the new words; the English one is kept as it was
        Assert.True(next.Succeeded);
        var index = next.Outputs["SearchIndexPipeline"].Where(d => d.Destination.Contains("/index/", StringComparison.Ordinal)).ToList();
        Assert.All(index.Where(d => d.Destination.StartsWith("en/", StringComparison.Ordinal)), file => Assert.True(file.Get<bool>(OutputCache.KeptKey), $"{file.Destination} was made again"));
        Assert.Contains(index, d => d.Destination.StartsWith("search/index/t/", StringComparison.Ordinal) && !d.Get<bool>(OutputCache.KeptKey));
        Assert.Contains(Directory.EnumerateFiles(temp.Combine("_site/search/index/t")), f => File.ReadAllText(f).Contains("\"葡萄\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Patch_The_Search_Index_For_An_Edited_Body_And_Equal_A_Clean_Build()
    {
        // Given: a built site, then a paragraph added to a report's body
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        File.AppendAllText(temp.Combine("content/yuepu/2021/guide.md"), "\n\n街道新增一段说明：独一无二的检索词葡萄藤。\n");

        // When
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then: shards and the report's record file made again, the other record files and meta.json kept (a full
        // index marks every file written), and the bytes those of a clean build
        Assert.True(incremental.Succeeded && clean.Succeeded);
        var index = incremental.Outputs["SearchIndexPipeline"].Where(d => d.Destination.StartsWith("search/index/", StringComparison.Ordinal)).ToList();
        Assert.Contains(index, d => d.Destination.StartsWith("search/index/t/", StringComparison.Ordinal) && !d.Get<bool>(OutputCache.KeptKey));
        Assert.Single(index, d => d.Destination.StartsWith("search/index/d/", StringComparison.Ordinal) && !d.Get<bool>(OutputCache.KeptKey));
        Assert.True(Assert.Single(index, d => d.Destination == "search/index/meta.json").Get<bool>(OutputCache.KeptKey));
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));

        // and the pages that show only values drawn from all documents (filter options, years) or only front matter
        // (the office's catalogue) are kept
        var searchPages = incremental.Outputs["SearchPagePipeline"].Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, searchPages.Count);
        Assert.All(searchPages, page => Assert.True(page.Get<bool>(OutputCache.KeptKey), page.Destination + " was made again"));
        var dataPages = incremental.Outputs["TransparencyPipeline"].Where(d => d.Destination.EndsWith("data/index.html", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, dataPages.Count);
        Assert.All(dataPages, page => Assert.True(page.Get<bool>(OutputCache.KeptKey), page.Destination + " was made again"));
        var catalogue = incremental.Outputs["TransparencyPipeline"].Where(d => d.Destination.Contains("offices/yuepu/catalogue/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, catalogue.Count);
        Assert.All(catalogue, page => Assert.True(page.Get<bool>(OutputCache.KeptKey), page.Destination + " was made again"));
    }

    [Fact]
    public async Task Should_Write_The_Whole_Search_Index_When_One_Of_Its_Files_Was_Deleted_From_The_Output()
    {
        // Given: a built site, then every record file of the index deleted from the output by hand and a report's
        // body edited (a patch would keep those record files and rewrite only the report's)
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        foreach (var record in Directory.GetFiles(temp.Combine("_site/search/index/d")))
        {
            File.Delete(record);
        }

        File.AppendAllText(temp.Combine("content/yuepu/2021/guide.md"), "\n\n街道新增一段说明：独一无二的检索词葡萄藤。\n");

        // When
        await BuildIncrementallyAndCleanAsync(config);

        // Then: the index was written whole, so the deleted files are back, as in a clean build
        Assert.NotEmpty(Directory.GetFiles(temp.Combine("_site/search/index/d")));
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Make_The_Catalogue_Again_When_A_Listed_Title_Changes()
    {
        // Given: a built site, then a report's title changed in its front matter
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var report = temp.Combine("content/yuepu/2021/guide.md");
        File.WriteAllText(report, File.ReadAllText(report).Replace("title: 月浦镇政府信息公开指南", "title: 月浦镇政府信息公开指南（修订）", StringComparison.Ordinal));

        // When
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then: the office's catalogue shows the new title, as a clean build's does
        Assert.True(incremental.Succeeded && clean.Succeeded);
        var catalogue = Assert.Single(incremental.Outputs["TransparencyPipeline"], d => d.Destination == "offices/yuepu/catalogue/index.html");
        Assert.False(catalogue.Get<bool>(OutputCache.KeptKey));
        Assert.Contains("月浦镇政府信息公开指南（修订）", File.ReadAllText(temp.Combine("_site/offices/yuepu/catalogue/index.html")));
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Not_Patch_The_Search_Index_From_What_A_Failed_Build_Left()
    {
        // Given: a built site; then a build that fails after its index was patched (an edited body with a broken
        // link), so its output is not published but its index state was saved; then the link fixed
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var report = temp.Combine("content/yuepu/2021/guide.md");
        var text = File.ReadAllText(report);
        File.WriteAllText(report, text + "\n\n新增说明葡萄藤，见[附件](/no-such-page/)。\n");
        var failed = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        File.WriteAllText(report, text + "\n\n新增说明葡萄藤，见附件。\n");

        // When
        await BuildIncrementallyAndCleanAsync(config);

        // Then
        Assert.False(failed.Succeeded);
        Assert.Contains(failed.Diagnostics, d => d.Message.Contains("no-such-page", StringComparison.Ordinal));
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Keep_Every_Page_Of_A_Clean_Build_When_Nothing_Changed_Since()
    {
        // Given: a site built with --clean (an editor's way out of a suspect cache), nothing changed since
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, Incremental: false))).Succeeded);

        // When
        var next = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then: the next build is incremental: every page is kept, none rendered again
        Assert.True(next.Succeeded);
        var pages = next.Outputs["PagesPipeline"].Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(page.Get<bool>(OutputCache.KeptKey), $"{page.Destination} was rendered again"));
    }

    [Fact]
    public async Task Should_Render_Everything_In_A_Clean_Build_Even_When_Nothing_Changed()
    {
        // Given: a site built incrementally, nothing changed since
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);

        // When
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, Incremental: false));

        // Then: --clean keeps nothing from the previous build
        Assert.True(clean.Succeeded);
        var pages = clean.Outputs["PagesPipeline"].Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.False(page.Get<bool>(OutputCache.KeptKey), $"{page.Destination} was kept"));
    }

    [Fact]
    public async Task Should_Warn_Again_When_The_Page_Is_Kept_From_The_Last_Build()
    {
        // Given: a report with a misspelt field and a script in its body, built once (warned), nothing changed since
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var report = temp.Combine("content/yuepu/2021/guide.md");
        File.WriteAllText(report, File.ReadAllText(report).Replace("\nkind:", "\ntopc: open-government\nkind:", StringComparison.Ordinal) + "\n\n<p>说明</p><script>alert(1)</script>\n");
        var first = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        string[] codes = ["PUB0120", "PUB0902"];
        var warned = codes.Select(code => Assert.Single(first.Diagnostics, d => d.Code == code).ToString()).ToList();

        // When: the next build keeps the report's pages and does not render its Markdown again
        var second = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then: the same warnings, at the same file, line and column
        Assert.True(second.Succeeded);
        Assert.Equal(warned, codes.Select(code => Assert.Single(second.Diagnostics, d => d.Code == code).ToString()));
    }

    [Fact]
    public async Task Should_Equal_A_Clean_Build_When_The_Build_Notes_Are_Damaged()
    {
        // Given: a built site, one report edited, and the notes of the last build cut short
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        File.AppendAllText(temp.Combine("content/yuepu/2021/guide.md"), "\n\n新增的一段。\n");
        var notes = Assert.Single(Directory.GetFiles(temp.Combine(SiteBuilder.CacheFolder), "notes-*.bin"));
        var bytes = File.ReadAllBytes(notes);
        File.WriteAllBytes(notes, bytes[..(bytes.Length / 2)]);

        // When
        await BuildIncrementallyAndCleanAsync(config);

        // Then
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Equal_A_Clean_Build_When_An_Unchanged_Document_Has_Old_Addresses_And_Attachments()
    {
        // Given: a report with an old address and an attachment, built once; then another report edited
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var report = temp.Combine("content/ganquan-road/2021/rule-of-law-report.md");
        File.WriteAllText(report, File.ReadAllText(report).Replace("attachments:", "aliases: [ganquan-road/2021/old-report/]\nattachments:", StringComparison.Ordinal));
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        File.AppendAllText(temp.Combine("content/yuepu/2021/guide.md"), "\n\n新增的一段。\n");

        // When
        await BuildIncrementallyAndCleanAsync(config);

        // Then: its redirect and attachment are there, and the whole site equals a clean build
        Assert.True(File.Exists(temp.Combine("_site/ganquan-road/2021/old-report/index.html")));
        Assert.True(File.Exists(temp.Combine("_site/ganquan-road/2021/rule-of-law-report/rule-of-law-report.pdf")));
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Equal_A_Clean_Build_When_The_Kept_Search_Terms_Are_Damaged()
    {
        // Given: a built site whose kept analyses of the Chinese bodies are then damaged, and an edited report
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        await BuildThenChangeKeptTermsAndEditAsync(temp, config, bytes => bytes[bytes.Length / 3] ^= 0x40);

        // When
        await BuildIncrementallyAndCleanAsync(config);

        // Then
        AssertSameFiles(temp.Combine("clean"), temp.Combine("_site"));
    }

    [Fact]
    public async Task Should_Take_Kept_Search_Terms_From_The_Cache_Only_When_The_Build_Is_Not_Clean()
    {
        // Given: a built site whose kept analyses are then made wrong but well-formed (two documents' keys swapped,
        // checksum made again), and an edited report, so that the Chinese index is made again
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        await BuildThenChangeKeptTermsAndEditAsync(temp, config, SwapFirstTwoKeys);
        var store = Directory.GetFiles(temp.Combine(".publisher-cache"), "search-terms-zh-CN*");
        var tampered = store.ToDictionary(p => p, File.ReadAllBytes);

        // When: an incremental build from the wrong analyses, then --clean builds without and with them
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));
        foreach (var path in Directory.GetFiles(temp.Combine(".publisher-cache"), "search-terms-zh-CN*"))
        {
            File.Delete(path);
        }

        foreach (var (path, bytes) in tampered)
        {
            File.WriteAllBytes(path, bytes);
        }

        var cleanAgain = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean-again", Incremental: false));

        // Then: the incremental build used them (so they are worth keeping right); the clean builds did not
        Assert.True(clean.Succeeded && incremental.Succeeded && cleanAgain.Succeeded);
        var expected = SampleSite.Snapshot(temp.Combine("clean"));
        var actual = SampleSite.Snapshot(temp.Combine("_site"));
        var index = expected.Keys.Where(k => k.StartsWith("search/index/t/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(index);
        Assert.Contains(index, k => !expected[k].AsSpan().SequenceEqual(actual[k]));
        Assert.All(expected.Keys.Where(k => k.StartsWith("en/search/index/", StringComparison.Ordinal)), k => Assert.True(expected[k].AsSpan().SequenceEqual(actual[k]), k));
        AssertSameFiles(temp.Combine("clean"), temp.Combine("clean-again"));
    }

    /// <summary>
    /// Builds the site, changes the bytes of every part file the Chinese index kept with <paramref name="change"/>,
    /// and edits a report so that the Chinese index is made again.
    /// </summary>
    private static async Task BuildThenChangeKeptTermsAndEditAsync(TempDirectory temp, string config, Action<byte[]> change)
    {
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var parts = Directory.GetFiles(temp.Combine(".publisher-cache"), "search-terms-zh-CN-*.bin");
        Assert.NotEmpty(parts);
        foreach (var part in parts)
        {
            var bytes = File.ReadAllBytes(part);
            change(bytes);
            File.WriteAllBytes(part, bytes);
        }

        File.AppendAllText(temp.Combine("content/yuepu/2021/guide.md"), "\n新增的一段说明。\n");

        // Without the index's state the next build cannot patch the index and makes it again, from the store.
        var state = Assert.Single(Directory.GetFiles(temp.Combine(".publisher-cache"), "search-index-zh-CN-*.state"));
        File.Delete(state);
    }

    /// <summary>
    /// Swaps the first two document keys of a part file (each a 1, then its length, then that many hexadecimal
    /// digits: a source digest) and writes its checksum again, so that the file is whole but gives each of the
    /// two documents the other's terms.
    /// </summary>
    private static void SwapFirstTwoKeys(byte[] bytes)
    {
        var keys = new List<(int Start, int Length)>();
        for (var i = 0; i + 2 < bytes.Length - sizeof(ulong) && keys.Count < 2; i++)
        {
            var length = bytes[i + 1];
            if (bytes[i] == 1 && length is >= 32 and < 0x80 && i + 2 + length < bytes.Length
                && bytes.AsSpan(i + 2, length).IndexOfAnyExcept("0123456789abcdef"u8) < 0)
            {
                keys.Add((i + 2, length));
                i += length;
            }
        }

        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0].Length, keys[1].Length);
        var first = bytes.AsSpan(keys[0].Start, keys[0].Length).ToArray();
        bytes.AsSpan(keys[1].Start, keys[1].Length).CopyTo(bytes.AsSpan(keys[0].Start));
        first.CopyTo(bytes.AsSpan(keys[1].Start));
        var checksum = System.IO.Hashing.XxHash3.HashToUInt64(bytes.AsSpan(0, bytes.Length - sizeof(ulong)));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(bytes.Length - sizeof(ulong)), checksum);
    }

    /// <summary>An incremental build into _site, then a clean build of the same sources into clean/.</summary>
    private static async Task BuildIncrementallyAndCleanAsync(string config)
    {
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));
        Assert.True(incremental.Succeeded, string.Join("\n", incremental.Diagnostics));
        Assert.True(clean.Succeeded, string.Join("\n", clean.Diagnostics));
    }

    internal static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expected = SampleSite.Snapshot(expectedFolder);
        var actual = SampleSite.Snapshot(actualFolder);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), $"{pair.Key} differs from a clean build"));
    }
}
