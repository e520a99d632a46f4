using System.Text.RegularExpressions;
using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Testing;

namespace Publisher.Site.Tests;

public sealed class IncrementalBuildTests
{
    private const string HalfWrittenPage = "_site/yuepu/2021/rule-of-law-report/index.html";

    // Changes every page may show (office names, the theme, the settings): an incremental build rewrites most files.
    private static readonly string[] SiteWideChanges = ["office", "theme", "setting"];

    // The kinds of change ChangeAtRandom makes: documents edited, added, moved, renamed and deleted, translations,
    // office records, standalone pages, theme layouts, strings and assets, settings, attachments and statistics.
    private const int ChangeKinds = 18;

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    public async Task Should_Equal_A_Clean_Build_Byte_For_Byte_When_Files_Are_Edited_Added_Renamed_And_Deleted_At_Random(int seed, bool inOneProcess)
    {
        // Given (with inOneProcess, the builds keep decoded notes from one to the next, as the preview server does)
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var random = new Random(seed);
        var memory = inOneProcess ? new BuildMemory() : null;
        var first = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, Memory: memory));
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        // A change to the theme, settings or office records makes every note new: a build recalls notes only in a
        // round without one.
        var keptNotes = false;
        var roundWithoutSiteWideChange = false;

        for (var round = 0; round < 4; round++)
        {
            var changes = new List<string>();
            for (var step = random.Next(1, 4); step > 0; step--)
            {
                changes.Add(ChangeAtRandom(temp, random, round));
            }

            // When
            var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, Memory: memory));
            keptNotes |= memory?.Decoded.Count > 0;
            var siteWide = changes.Any(IsSiteWide);
            roundWithoutSiteWideChange |= !siteWide;
            var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, $"clean-{round}", Incremental: false));

            // Then
            var because = $"round {round}: {string.Join("; ", changes)}";
            Assert.True(incremental.Succeeded, because + string.Join("\n", incremental.Diagnostics));
            Assert.True(clean.Succeeded, because + string.Join("\n", clean.Diagnostics));
            var actual = SampleSite.Snapshot(temp.Combine("_site"));
            var expected = SampleSite.Snapshot(temp.Combine($"clean-{round}"));
            Assert.Equal(expected.Keys, actual.Keys);
            Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), $"{pair.Key} differs after {because}"));
            Assert.Equal(
                Directory.EnumerateDirectories(temp.Combine($"clean-{round}"), "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(temp.Combine($"clean-{round}"), d)).Order(),
                Directory.EnumerateDirectories(temp.Combine("_site"), "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(temp.Combine("_site"), d)).Order());
            if (!siteWide)
            {
                Assert.True(incremental.Statistics.FilesWritten < clean.Statistics.FilesWritten, $"the incremental build rewrote every file after {because}");
            }
        }

        Assert.True(memory is null || keptNotes || !roundWithoutSiteWideChange, "the builds kept no decoded note");
    }

    [Theory]
    [MemberData(nameof(EveryChangeKind))]
    public async Task Should_Equal_A_Clean_Build_Byte_For_Byte_After_Each_Kind_Of_Change(int kind)
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var change = ChangeAtRandom(temp, new Random(kind), round: 0, kind);
        Assert.DoesNotContain("no change of the kind drawn applied", change, StringComparison.Ordinal);

        // When
        var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "clean", Incremental: false));

        // Then
        Assert.True(incremental.Succeeded, change + string.Join("\n", incremental.Diagnostics));
        Assert.True(clean.Succeeded, change + string.Join("\n", clean.Diagnostics));
        var actual = SampleSite.Snapshot(temp.Combine("_site"));
        var expected = SampleSite.Snapshot(temp.Combine("clean"));
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), $"{pair.Key} differs after {change}"));
        Assert.True(IsSiteWide(change) || incremental.Statistics.FilesWritten < clean.Statistics.FilesWritten, $"the incremental build rewrote every file after {change}");
    }

    public static TheoryData<int> EveryChangeKind() => [.. Enumerable.Range(0, ChangeKinds)];

    private static bool IsSiteWide(string change) => SiteWideChanges.Any(prefix => change.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public async Task Should_Render_Only_The_Edited_Document_When_One_File_Changes()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var before = SampleSite.Snapshot(temp.Combine("_site"));
        var report = temp.Combine("content/yuepu/2021/rule-of-law-report.md");
        File.AppendAllText(report, "\n新增的一段文字。\n");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.True(result.Succeeded);
        var after = SampleSite.Snapshot(temp.Combine("_site"));
        var changed = after.Where(p => !before.TryGetValue(p.Key, out var old) || !old.AsSpan().SequenceEqual(p.Value)).Select(p => p.Key).ToList();
        Assert.Contains("yuepu/2021/rule-of-law-report/index.html", changed);
        Assert.DoesNotContain("ganquan-road/2021/rule-of-law-report/index.html", changed);
        Assert.Contains("新增的一段文字", File.ReadAllText(temp.Combine("_site/yuepu/2021/rule-of-law-report/index.html")));
    }

    [Fact]
    public async Task Should_Read_Its_Records_Again_When_Another_Build_Wrote_The_Output_Folder_Since_Its_Last_Build()
    {
        // Given a process that keeps its records from build to build (as the preview server does) and has built the
        // sample, then another build of the same folder (the command line, keeping nothing) after an edit
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var memory = new BuildMemory();
        var report = temp.Combine("content/yuepu/2021/rule-of-law-report.md");
        var original = File.ReadAllText(report);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, Memory: memory))).Succeeded);
        File.WriteAllText(report, original + "\n另一个进程构建时的文字。\n");
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);

        // When the edit is undone and the first process builds again
        File.WriteAllText(report, original);
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, Memory: memory));

        // Then the page is made again from the original text, not kept as the record the process remembered would have it
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain("另一个进程构建时的文字", File.ReadAllText(temp.Combine("_site/yuepu/2021/rule-of-law-report/index.html")));
    }

    [Fact]
    public async Task Should_Make_Only_The_Feeds_That_List_An_Edited_Document_And_Keep_The_Sitemap()
    {
        // Given a built sample
        using var temp = new TempDirectory();

        // When one of Yuepu's documents gets a new title (no page added, moved or removed) and it is built again
        var result = await BuildThenRetitleYuepuGuideAsync(temp);

        // Then the site's and Yuepu's feeds and the data export are made again and show the new title; the other
        // offices' feeds, the sitemap and robots.txt are kept without being made
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var files = result.Outputs["SiteFilesPipeline"].Where(d => d.Destination.Length > 0).ToDictionary(d => d.Destination, StringComparer.Ordinal);
        string[] made = ["feed.xml", "offices/yuepu/feed.xml", "en/offices/yuepu/feed.xml", "data/documents.json"];
        Assert.All(made, file => Assert.False(IsKept(files[file]), $"{file} was not made again"));
        Assert.All(["feed.xml", "offices/yuepu/feed.xml", "data/documents.json"], file =>
            Assert.Contains("月浦镇政府信息公开指南（修订版）", File.ReadAllText(temp.Combine("_site/" + file))));
        string[] kept = ["offices/shiquan-road/feed.xml", "en/offices/zhangmiao/feed.xml", "sitemap.xml", "robots.txt"];
        Assert.All(kept, file => Assert.True(IsKept(files[file]), $"{file} was made again"));
    }

    [Fact]
    public async Task Should_Render_Only_The_Lists_Of_The_Edited_Documents_Office_And_Year_When_Its_Title_Changes()
    {
        // Given a built sample
        using var temp = new TempDirectory();

        // When one of Yuepu's 2021 documents gets a new title and it is built again
        var result = await BuildThenRetitleYuepuGuideAsync(temp);

        // Then Yuepu's pages, the 2021 pages and the home page (made from the whole site) are rendered again;
        // those that list the document show the new title
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var pages = result.Outputs["PagesPipeline"].Concat(result.Outputs["TransparencyPipeline"])
            .Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(d => d.Destination, StringComparer.Ordinal);
        string[] rendered = ["offices/yuepu/index.html", "offices/yuepu/catalogue/index.html", "years/2021/index.html", "index.html", "en/offices/yuepu/index.html", "en/years/2021/index.html", "yuepu/2021/guide/index.html"];
        Assert.All(rendered, page => Assert.False(IsKept(pages[page]), $"{page} was not rendered again"));
        Assert.All(rendered.Where(p => !p.StartsWith("en/", StringComparison.Ordinal) && p != "index.html"), page =>
            Assert.Contains("月浦镇政府信息公开指南（修订版）", File.ReadAllText(temp.Combine("_site/" + page))));

        // And the pages of other offices and years, which do not show it, are kept without rendering
        string[] kept = ["offices/shiquan-road/index.html", "offices/shiquan-road/catalogue/index.html", "offices/ganquan-road/index.html", "en/offices/zhangmiao/catalogue/index.html", "years/2020/index.html", "en/years/2020/index.html", "yuepu/2021/rule-of-law-report/index.html"];
        Assert.All(kept, page => Assert.True(IsKept(pages[page]), $"{page} was rendered again"));
    }

    [Fact]
    public async Task Should_Render_The_Lists_Of_Both_Offices_When_A_Document_Moves_To_Another_Office()
    {
        // Given a built sample, then Yuepu's guide moved to Zhangmiao
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var guide = temp.Combine("content/yuepu/2021/guide.md");
        File.WriteAllText(temp.Combine("content/zhangmiao/2021/guide.md"), File.ReadAllText(guide).Replace("office: yuepu", "office: zhangmiao", StringComparison.Ordinal));
        File.Delete(guide);

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then both offices' lists are rendered again: the guide leaves one and joins the other
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var pages = result.Outputs["PagesPipeline"].Concat(result.Outputs["TransparencyPipeline"])
            .Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal))
            .ToDictionary(d => d.Destination, StringComparer.Ordinal);
        Assert.All(["offices/yuepu/index.html", "offices/yuepu/catalogue/index.html", "offices/zhangmiao/index.html", "offices/zhangmiao/catalogue/index.html"], page => Assert.False(IsKept(pages[page]), $"{page} was not rendered again"));
        Assert.True(IsKept(pages["offices/shiquan-road/index.html"]));
        Assert.DoesNotContain("zhangmiao/2021/guide/", File.ReadAllText(temp.Combine("_site/offices/yuepu/index.html")));
        Assert.Contains("zhangmiao/2021/guide/", File.ReadAllText(temp.Combine("_site/offices/zhangmiao/catalogue/index.html")));
        Assert.DoesNotContain("yuepu/2021/guide/", File.ReadAllText(temp.Combine("_site/offices/yuepu/catalogue/index.html")));
    }

    [Fact]
    public async Task Should_Start_Clean_When_A_Previous_Sync_Was_Interrupted()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        InterruptSyncOfSite(temp);

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.True(result.Succeeded);
        Assert.Contains("<html", File.ReadAllText(temp.Combine(HalfWrittenPage)));
        Assert.Empty(Directory.EnumerateFiles(temp.Combine(".publisher-cache"), "sync-in-progress*"));
    }

    [Fact]
    public async Task Should_Start_Clean_When_A_Sync_Was_Interrupted_Even_After_Building_Another_Output_Folder()
    {
        // Given: a build of _site interrupted in its sync, then a build into another folder (as a preview's is)
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "other"))).Succeeded);
        InterruptSyncOfSite(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "other"))).Succeeded);

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then: the other folder's build did not clear _site's mark, so _site was made whole again
        Assert.True(result.Succeeded);
        Assert.Contains("<html", File.ReadAllText(temp.Combine(HalfWrittenPage)));
        IncrementalEdgeCaseTests.AssertSameFiles(temp.Combine("other"), temp.Combine("_site"));
    }

    /// <summary>What a build killed while changing _site in place leaves: its mark, and a page half-written.</summary>
    private static void InterruptSyncOfSite(TempDirectory temp)
    {
        OutputCache.Open(temp.Combine(".publisher-cache"), temp.Combine("_site"), fingerprint: "interrupted").BeginSync();
        File.WriteAllText(temp.Combine(HalfWrittenPage), "half-written");
    }

    private static bool IsKept(Document page) => page.Get<bool>(OutputCache.KeptKey);

    /// <summary>Builds the sample in <paramref name="temp"/>, renames Yuepu's 2021 guide, and builds again.</summary>
    private static async Task<BuildResult> BuildThenRetitleYuepuGuideAsync(TempDirectory temp)
    {
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var guide = temp.Combine("content/yuepu/2021/guide.md");
        File.WriteAllText(guide, File.ReadAllText(guide).Replace("title: 月浦镇政府信息公开指南", "title: 月浦镇政府信息公开指南（修订版）", StringComparison.Ordinal));
        return await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
    }

    /// <summary>
    /// Makes one change of kind <paramref name="kind"/> (at random when null; see the cases) to the site in
    /// <paramref name="temp"/> and says what it did. A kind picked by the caller is made to a document it applies to.
    /// </summary>
    private static string ChangeAtRandom(TempDirectory temp, Random random, int round, int? kind = null)
    {
        var originals = Directory.EnumerateFiles(temp.Combine("content"), "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".en.md", StringComparison.Ordinal) && !f.Contains("/pages/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        static bool Movable(string text) => !text.Contains("attachments:", StringComparison.Ordinal);
        var candidates = kind switch
        {
            5 or 6 => [.. originals.Where(f => Movable(File.ReadAllText(f)))],
            8 => [.. originals.Where(f => File.Exists(f[..^3] + ".en.md"))],
            _ => originals,
        };
        var file = candidates[random.Next(candidates.Count)];
        var translation = file[..^3] + ".en.md";
        var slug = Path.GetFileNameWithoutExtension(file);
        var name = $"{slug}-r{round}-{random.Next(1000)}";
        var text = File.ReadAllText(file);
        var officeId = Regex.Match(text, "^office: (.+)$", RegexOptions.Multiline).Groups[1].Value.Trim();
        var year = Regex.Match(text, "^year: (\\d+)$", RegexOptions.Multiline).Groups[1].Value;
        var movable = Movable(text);
        switch (kind ?? random.Next(originals.Count > 3 ? ChangeKinds : 9))
        {
            case 11:
                var pages = Directory.EnumerateFiles(temp.Combine("content/pages"), "*.md").Order(StringComparer.Ordinal).ToList();
                var page = pages[random.Next(pages.Count)];
                File.AppendAllText(page, $"\n页面第{random.Next(100)}次修改。\n");
                return $"edit standalone page {Path.GetFileName(page)}";
            case 12:
                var layouts = Directory.EnumerateFiles(temp.Combine("themes/default/layouts"), "*.cshtml").Order(StringComparer.Ordinal).ToList();
                var layout = layouts[random.Next(layouts.Count)];
                File.AppendAllText(layout, $"\n@* edit {random.Next(1000)} *@<!-- r{round} -->\n");
                return $"theme layout edited {Path.GetFileName(layout)}";
            case 13:
                var strings = temp.Combine(random.Next(2) == 0 ? "themes/default/i18n/en.json" : "themes/default/i18n/zh-CN.json");
                File.WriteAllText(strings, Regex.Replace(File.ReadAllText(strings), "(\"nav.home\": \")([^\"]*)\"", m => $"{m.Groups[1].Value}{m.Groups[2].Value}{random.Next(10)}\""));
                return $"theme string edited {Path.GetFileName(strings)}";
            case 14:
                File.AppendAllText(temp.Combine("themes/default/assets/css/site.css"), $"\n.edit-{round}-{random.Next(1000)} {{ color: inherit; }}\n");
                return "theme asset edited site.css";
            case 15:
                var settings = temp.Combine("site.config.json");
                File.WriteAllText(settings, File.ReadAllText(settings).Replace("Rule-of-Law Reports", $"Rule-of-Law Reports {random.Next(100)}", StringComparison.Ordinal));
                return "setting: English title";
            case 16:
                var pdf = temp.Combine("content/ganquan-road/2021/rule-of-law-report.pdf");
                File.AppendAllText(pdf, $"\n% edit {random.Next(1000)}\n");
                return "attachment edited rule-of-law-report.pdf";
            case 17:
                var annual = originals.Where(f => File.ReadAllText(f).Contains("\n    penalties: ", StringComparison.Ordinal)).ToList();
                if (annual.Count == 0)
                {
                    goto default;
                }

                var report = annual[random.Next(annual.Count)];
                File.WriteAllText(report, Regex.Replace(File.ReadAllText(report), "^(    penalties: )\\d+", m => m.Groups[1].Value + random.Next(1000), RegexOptions.Multiline));
                return $"statistics edited {Path.GetRelativePath(temp.Combine("content"), report)}";
            case 0:
                File.AppendAllText(file, $"\n第{random.Next(100)}段：新增的修改内容。\n");
                return $"edit body {slug}";
            case 1:
                File.WriteAllText(file, File.ReadAllText(file).Replace("title: ", $"title: 修订{random.Next(100)}", StringComparison.Ordinal));
                return $"edit title {slug}";
            case 2:
                File.Copy(file, Path.Combine(Path.GetDirectoryName(file)!, name + ".md"));
                return $"add {name}";
            case 3:
                File.WriteAllText(translation, $"---\ntitle: \"English title {random.Next(100)}\"\n---\n\nEnglish text.\n");
                return $"write translation of {slug}";
            case 4:
                var office = Directory.EnumerateFiles(temp.Combine("content/offices"), "*.yml").Order(StringComparer.Ordinal).ElementAt(random.Next(5));
                File.WriteAllText(office, File.ReadAllText(office).Replace("en: ", $"en: Renamed{random.Next(100)} ", StringComparison.Ordinal));
                return $"office renamed {Path.GetFileName(office)}";
            case 5 when movable:
                // Another office: its office, catalogue and year pages change, and the old office's too.
                var offices = Directory.EnumerateFiles(temp.Combine("content/offices"), "*.yml").Select(Path.GetFileNameWithoutExtension).Where(o => o != officeId).Order(StringComparer.Ordinal).ToList();
                var otherOffice = offices[random.Next(offices.Count)]!;
                Move(file, temp.Combine($"content/{otherOffice}/{year}/{name}.md"), text.Replace($"office: {officeId}", $"office: {otherOffice}", StringComparison.Ordinal));
                return $"move {slug} to office {otherOffice}";
            case 6 when movable:
                // Another year: both years' pages change, and the year may appear or disappear from the indexes.
                var otherYear = year == "2021" ? random.Next(2019, 2021) : 2021;
                Move(file, temp.Combine($"content/{officeId}/{otherYear}/{name}.md"), text.Replace($"year: {year}", $"year: {otherYear}", StringComparison.Ordinal));
                return $"move {slug} to year {otherYear}";
            case 7:
                // A new date reorders the lists (newest first) and may bring the document into the home page's latest.
                var date = $"{year}-{random.Next(1, 13):00}-{random.Next(10, 29)}";
                File.WriteAllText(file, Regex.Replace(Regex.Replace(text, "^issued: .+$", $"issued: {date}", RegexOptions.Multiline), "^published: .+$", $"published: {date}", RegexOptions.Multiline));
                return $"date {slug} {date}";
            case 8 when File.Exists(translation):
                File.Delete(translation);
                return $"delete translation of {slug}";
            case 9:
                File.Move(file, Path.Combine(Path.GetDirectoryName(file)!, name + ".md"));
                if (File.Exists(translation))
                {
                    File.Move(translation, Path.Combine(Path.GetDirectoryName(file)!, name + ".en.md"));
                }

                return $"rename {slug} to {name}";
            case 10:
                File.Delete(file);
                File.Delete(translation);
                return $"delete {slug}";
            default:
                File.WriteAllText(file, text.Replace("title: ", $"title: 又改{random.Next(100)}", StringComparison.Ordinal));
                return $"retitle {slug} (no change of the kind drawn applied)";
        }

        void Move(string from, string to, string content)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.WriteAllText(to, content);
            File.Delete(from);
            if (File.Exists(translation))
            {
                File.Move(translation, to[..^3] + ".en.md");
            }
        }
    }
}
