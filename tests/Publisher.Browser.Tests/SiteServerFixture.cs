using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Publisher.Core.Execution;
using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Browser.Tests;

/// <summary>
/// Builds the sample site once, serves it on 127.0.0.1 at a free port (index.html for folders, 404.html with
/// status 404) and launches Debian's Chromium through Playwright. Never downloads a browser.
/// </summary>
public sealed class SiteServerFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A test-only document with a wide table (the sample reports have none), added to the copy.</summary>
    public const string WideTablePath = "yuepu/2021/browser-wide-table/";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly TempDirectory _temp = new();
    private WebApplication? _server;
    private IPlaywright? _playwright;

    /// <summary>The built site (the _site folder).</summary>
    public string Output => _temp.Combine("_site");

    public BuildResult Result { get; private set; } = null!;

    /// <summary>The server's address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    private IBrowser? _browser;
    private string? _missingBrowser;

    public IBrowser Browser
    {
        get
        {
            RequireTool(_missingBrowser);
            return _browser!;
        }
    }

    /// <summary>
    /// Skips the calling test on a developer's machine that lacks a tool, with the install command as the reason;
    /// under CI (the CI variable set) a missing tool fails instead, so the suite can never be skipped there.
    /// </summary>
    public static void RequireTool(string? missing)
    {
        if (missing is null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            throw new InvalidOperationException(missing + " (CI is set, so the browser suite fails instead of skipping.)");
        }

        Skip.If(true, missing);
    }

    /// <summary>Where screenshots go; printed once so a person can find them.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public string Url(string path) => BaseUrl + path;

    /// <summary>Every HTML page of the built site as a URL path ("/", "/en/offices/", "/404.html").</summary>
    public IReadOnlyList<string> AllPagePaths() =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Select(p => p.EndsWith("/index.html", StringComparison.Ordinal) ? p[..^"index.html".Length] : p)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Opens a page and waits until it has loaded, fonts included.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 900, string? media = null)
    {
        var page = await NewPageAsync(width, height, media);
        await page.GotoAsync(Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.EvaluateAsync("() => document.fonts.ready");
        return page;
    }

    public async Task InitializeAsync()
    {
        var config = SampleSite.CopyTo(_temp);
        _temp.Write("content/yuepu/2021/browser-wide-table.md", WideTableDocument);
        Result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, Output));
        if (!File.Exists(Path.Combine(Output, "index.html")))
        {
            throw new InvalidOperationException("PUB0601: the sample site did not build: " + string.Join(Environment.NewLine, Result.Diagnostics));
        }

        await StartServerAsync();

        if (!File.Exists(ChromiumPath))
        {
            // Each test then fails under CI, or is skipped locally with this one message (see RequireTool).
            _missingBrowser = $"PUB0600: Chromium not found at {ChromiumPath}. Install it with: sudo apt-get install -y chromium fonts-noto-cjk " +
                "(never run 'playwright install'), or run .ci/run.";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ScreenshotFolder);
        Console.WriteLine("Screenshots: " + ScreenshotFolder);
    }

    /// <summary>A new page in a fresh context at the given viewport width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? media = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        if (media == "print")
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        _temp.Dispose();
    }

    private async Task StartServerAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Output, WebRootPath = Output });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var files = new PhysicalFileProvider(Output);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            var english = context.Request.Path.StartsWithSegments("/en");
            var notFound = Path.Combine(Output, english ? "en" : "", "404.html");
            if (File.Exists(notFound))
            {
                await context.Response.SendFileAsync(notFound);
            }
        });
        await app.StartAsync();
        _server = app;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    private const string WideTableDocument = """
        ---
        title: 宽表格示例（浏览器测试用）
        kind: notice
        office: yuepu
        year: 2021
        issued: 2022-01-20
        ---
        ## 四、政府信息公开行政复议、行政诉讼情况

        | 复议维持 | 复议纠正 | 复议其他结果 | 复议尚未审结 | 复议总计 | 直诉维持 | 直诉纠正 | 直诉其他结果 | 直诉尚未审结 | 直诉总计 | 复议后诉维持 | 复议后诉纠正 | 复议后诉其他结果 | 复议后诉尚未审结 | 复议后诉总计 |
        |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
        | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

        ## 五、存在的主要问题及改进情况

        本表仅用于检验宽表格在窄屏上于自身区域内横向滚动。
        """;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
