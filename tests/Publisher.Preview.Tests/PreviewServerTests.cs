using System.Diagnostics;
using System.Net;
using Publisher.Testing;

namespace Publisher.Preview.Tests;

public sealed class PreviewServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, string Body)> WaitForAsync(HttpClient client, string path, Func<(HttpStatusCode Status, string Body), bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var page = await GetAsync(client, path);
            if (done(page) || clock.Elapsed > Patience)
            {
                return page;
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Should_ServeTheEditAndThenAnErrorPage_When_ContentChangesWhileServing()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        var page = site.Write("content/pages/guide.md", "---\ntitle: 第一版标题\nkind: page\n---\n\n正文。\n");
        await using var server = await PreviewServer.StartAsync(new PreviewOptions { ConfigPath = config, Port = 0, Debounce = TimeSpan.FromMilliseconds(100) });
        using var client = new HttpClient { BaseAddress = server.Url };
        using var events = new HttpClient { BaseAddress = server.Url, Timeout = Patience };
        using var stream = new StreamReader(await events.GetStreamAsync("/__publisher/events"));
        var first = await GetAsync(client, "/guide/");

        // When
        File.WriteAllText(page, "---\ntitle: 第二版标题\nkind: page\n---\n\n正文。\n");
        var edited = await WaitForAsync(client, "/guide/", p => p.Body.Contains("第二版标题", StringComparison.Ordinal));
        var reload = await ReadEventAsync(stream);
        File.WriteAllText(page, "---\ntitle: 第三版\nkind: [page\n---\n\n正文。\n");
        var broken = await WaitForAsync(client, "/guide/", p => p.Status == HttpStatusCode.InternalServerError);

        // Then
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("第一版标题", first.Body, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/__publisher/reload.js\" defer></script>", first.Body, StringComparison.Ordinal);
        Assert.Contains("第二版标题", edited.Body, StringComparison.Ordinal);
        Assert.Equal("event: reload", reload);
        Assert.Equal(HttpStatusCode.InternalServerError, broken.Status);
        Assert.Contains("content/pages/guide.md:", broken.Body, StringComparison.Ordinal);
        Assert.Contains("PUB0110", broken.Body, StringComparison.Ordinal);
        Assert.Contains("构建失败", broken.Body, StringComparison.Ordinal);
        Assert.Contains("EventSource", (await GetAsync(client, "/__publisher/reload.js")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_RebuildWithoutStoppingForTheCollector_When_TheEditorPausesBetweenSaves()
    {
        // Given: a preview that has been quiet for a while since its first build, and a long page
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        var body = string.Concat(Enumerable.Repeat("街道办事处依法公开政府信息，接受社会监督。\n\n", 20_000));
        var page = site.Write("content/pages/guide.md", "---\ntitle: 第一版标题\nkind: page\n---\n\n" + body);
        await using var server = await PreviewServer.StartAsync(new PreviewOptions { ConfigPath = config, Port = 0, Debounce = TimeSpan.FromMilliseconds(100) });
        using var client = new HttpClient { BaseAddress = server.Url };
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = GC.CollectionCount(0);

        // When: the page is edited, and the preview rebuilds it
        File.WriteAllText(page, "---\ntitle: 第二版标题\nkind: page\n---\n\n" + body);
        var edited = await WaitForAsync(client, "/guide/", p => p.Body.Contains("第二版标题", StringComparison.Ordinal));
        var during = GC.CollectionCount(0) - before;
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Then: the rebuild (megabytes of Markdown rendered, hashed and written) never stopped for the collector;
        // once the preview was quiet again, the rebuild's garbage was collected
        Assert.Contains("第二版标题", edited.Body, StringComparison.Ordinal);
        Assert.Equal(0, during);
        Assert.True(GC.CollectionCount(0) > before, "the rebuild's garbage was never collected");
    }

    [Fact]
    public async Task Should_WatchOnlyTheSources_When_TheSiteFolderHoldsALargeOutputFolder()
    {
        // Given: a site whose folder holds the output of earlier builds (25,000 folders beside a 10,000-document site)
        Assert.True(OperatingSystem.IsLinux(), "inotify watches are counted in /proc, on Linux (where CI runs)");
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        for (var folder = 0; folder < 3000; folder++)
        {
            Directory.CreateDirectory(site.Combine($"_site/office-{folder % 100}/{folder}"));
        }

        var before = InotifyWatches();

        // When
        await using var server = await PreviewServer.StartAsync(new PreviewOptions { ConfigPath = config, Port = 0 });
        var watching = InotifyWatches() - before;

        // Then: a watch per folder of content/ and themes/, none in the output folder (every machine has a limit)
        var sourceFolders = Directory.EnumerateDirectories(site.Path, "*", SearchOption.AllDirectories)
            .Count(d => d.StartsWith(site.Combine("content"), StringComparison.Ordinal) || d.StartsWith(site.Combine("themes"), StringComparison.Ordinal));
        Assert.InRange(watching, 1, sourceFolders + 10);
    }

    [Fact]
    public async Task Should_StartFromTheLastSessionsBuild_When_StartedAgainOnTheSamePort()
    {
        // Given: a first session on a fixed port, stopped
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        var port = FreePort();
        var firstLog = new StringWriter();
        await using (await PreviewServer.StartAsync(new PreviewOptions { ConfigPath = config, Port = port, Log = firstLog }))
        {
        }

        // When
        var secondLog = new StringWriter();
        await using var second = await PreviewServer.StartAsync(new PreviewOptions { ConfigPath = config, Port = port, Log = secondLog });
        using var client = new HttpClient { BaseAddress = second.Url };
        var home = await GetAsync(client, "/");

        // Then: the second session's first build rendered nothing, and the site is served
        Assert.Matches(@"Built [1-9][0-9]* pages", firstLog.ToString());
        Assert.Contains("Built 0 pages", secondLog.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("<html", home.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ServeWhatACleanBuildMakes_When_FilesAndFoldersAreAddedMovedAndDeletedWhileServing()
    {
        // Given: a preview of the sample site
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        await using var server = await PreviewServer.StartAsync(new PreviewOptions { ConfigPath = config, Port = 0, Debounce = TimeSpan.FromMilliseconds(100) });
        static string Page(string slug, string title) =>
            $"---\ntitle: {title}\nkind: disclosure\ntopic: disclosure\noffice: zhangmiao\nyear: 2022\nissued: 2022-03-01\nindex_no: \"ZHAN-2022-{slug}\"\ncategory: 公开指南\nvalidity: 有效\n---\n\n{title}的正文。\n";
        var steps = new (string Name, Action Change)[]
        {
            ("a folder made with a document in it at once", () =>
            {
                Directory.CreateDirectory(site.Combine("content/zhangmiao/2022"));
                File.WriteAllText(site.Combine("content/zhangmiao/2022/first-notice.md"), Page("first", "第一则通知"));
            }),
            ("a document added to it", () => File.WriteAllText(site.Combine("content/zhangmiao/2022/second-notice.md"), Page("second", "第二则通知"))),
            ("a document renamed", () => File.Move(site.Combine("content/zhangmiao/2022/first-notice.md"), site.Combine("content/zhangmiao/2022/renamed-notice.md"))),
            ("the folder moved out of content/", () => Directory.Move(site.Combine("content/zhangmiao/2022"), site.Combine("drafts-2022"))),
            ("the folder moved back in", () => Directory.Move(site.Combine("drafts-2022"), site.Combine("content/zhangmiao/2022"))),
            ("a document edited", () => File.AppendAllText(site.Combine("content/zhangmiao/2022/second-notice.md"), "\n补充一段。\n")),
            ("the folder deleted", () => Directory.Delete(site.Combine("content/zhangmiao/2022"), recursive: true)),
        };

        foreach (var (name, change) in steps)
        {
            // When
            var before = server.Builds;
            change();
            await SettleAsync(server, before);

            // Then: what the preview serves is what a clean build of the same files makes
            using var clean = new TempDirectory();
            var result = await Site.SiteBuilder.BuildAsync(new Site.SiteBuilder.Request(config, clean.Path, server.Url.ToString(), Incremental: false));
            Assert.True(result.Succeeded, $"{name}: {string.Join("; ", result.Diagnostics.Select(d => d.ToString()))}");
            var expected = SampleSite.Snapshot(clean.Path);
            var served = SampleSite.Snapshot(server.OutputDirectory);
            Assert.True(expected.Keys.SequenceEqual(served.Keys), $"after {name}: missing {string.Join(", ", expected.Keys.Except(served.Keys))}; extra {string.Join(", ", served.Keys.Except(expected.Keys))}");
            Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(served[file.Key]), $"after {name}: {file.Key} differs"));
        }
    }

    [Fact]
    public async Task Should_BuildEditsInTheNewContentFolder_When_TheSettingsNameAnotherFolderWhileServing()
    {
        // Given: a preview of the sample site, and a copy of its content in another folder
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);
        SampleSite.CopyFolder(site.Combine("content"), site.Combine("content-next"));
        await using var server = await PreviewServer.StartAsync(new PreviewOptions { ConfigPath = config, Port = 0, Debounce = TimeSpan.FromMilliseconds(100) });
        var before = server.Builds;
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"content\": \"content\"", "\"content\": \"content-next\"", StringComparison.Ordinal));
        await SettleAsync(server, before);

        // When: a document is added to the folder the settings now name
        before = server.Builds;
        Directory.CreateDirectory(site.Combine("content-next/zhangmiao/2022"));
        File.WriteAllText(
            site.Combine("content-next/zhangmiao/2022/new-notice.md"),
            "---\ntitle: 新文件夹里的通知\nkind: disclosure\ntopic: disclosure\noffice: zhangmiao\nyear: 2022\nissued: 2022-03-01\nindex_no: \"ZHAN-2022-new\"\ncategory: 公开指南\nvalidity: 有效\n---\n\n正文。\n");
        await SettleAsync(server, before);

        // Then: the preview built it, and serves what a clean build of the same files makes
        using var clean = new TempDirectory();
        var result = await Site.SiteBuilder.BuildAsync(new Site.SiteBuilder.Request(config, clean.Path, server.Url.ToString(), Incremental: false));
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
        var expected = SampleSite.Snapshot(clean.Path);
        var served = SampleSite.Snapshot(server.OutputDirectory);
        Assert.Contains(expected, file => System.Text.Encoding.UTF8.GetString(file.Value).Contains("新文件夹里的通知", StringComparison.Ordinal));
        Assert.Equal(expected.Keys, served.Keys);
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(served[file.Key]), file.Key));
    }

    /// <summary>Waits for the preview to build after a change, then for it to stay quiet (an editor's save can be several builds).</summary>
    private static async Task SettleAsync(PreviewServer server, int before)
    {
        var clock = Stopwatch.StartNew();
        while (server.Builds == before && clock.Elapsed < Patience)
        {
            await Task.Delay(50);
        }

        int seen;
        do
        {
            seen = server.Builds;
            await Task.Delay(1000);
        }
        while ((server.Builds != seen || server.IsBuilding) && clock.Elapsed < Patience);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The inotify watches this process holds (one line per watch in the fdinfo of each inotify descriptor).</summary>
    private static int InotifyWatches() =>
        Directory.EnumerateFiles("/proc/self/fdinfo").Sum(info =>
        {
            try
            {
                return File.ReadLines(info).Count(line => line.StartsWith("inotify wd:", StringComparison.Ordinal));
            }
            catch (IOException)
            {
                return 0; // a descriptor closed while counting
            }
        });

    [Fact]
    public async Task Should_NeverPutTheReloadScriptIntoARealBuild_When_TheSiteIsBuilt()
    {
        // Given
        using var site = new TempDirectory();
        var config = SampleSite.CopyTo(site);

        // When
        var result = await Site.SiteBuilder.BuildAsync(new Site.SiteBuilder.Request(config));

        // Then
        Assert.True(result.Succeeded);
        var pages = Directory.EnumerateFiles(site.Combine("_site"), "*.html", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);
        Assert.DoesNotContain(pages, p => File.ReadAllText(p).Contains("__publisher", StringComparison.Ordinal));
    }

    private static async Task<string?> ReadEventAsync(StreamReader stream)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }
}
