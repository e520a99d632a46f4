using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Publisher.Content.Configuration;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;
using Publisher.Core.Execution;
using Publisher.Site;

namespace Publisher.Preview;

/// <summary>
/// <c>publisher serve</c>: builds the site into a folder of its own (<c>.publisher-cache/preview-PORT/</c>, kept
/// from one session to the next; a <see cref="TemporaryPreviewFolder"/> when the port is picked at random), serves it on 127.0.0.1
/// with Kestrel, rebuilds when content, theme or settings change, and tells open pages to reload. The reload
/// script is added to HTML responses here, on the way out, so it never reaches a real build.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    /// <summary>The path every preview-only file lives under; no site page can use it.</summary>
    public const string ReservedPath = "/__publisher/";

    // Written to the change channel when a watcher lost events (no path is empty).
    private const string EventsLost = "";

    private const string ReloadTag = "<script src=\"/__publisher/reload.js\" defer></script>";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    // How long after a rebuild the collector waits before it clears the rebuild's garbage (QuietCollector): the
    // browser has reloaded the page by then.
    private static readonly TimeSpan QuietAfterBuild = TimeSpan.FromSeconds(1);

    private readonly PreviewOptions _options;
    private readonly string _root;
    private readonly string _outputDirectory;
    private readonly TemporaryPreviewFolder? _temporary;
    private readonly ReloadBroadcaster _reload = new();
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly HashSet<string> _watchedFolders = new(StringComparer.Ordinal);
    private readonly BuildMemory _memory = new();
    private readonly QuietCollector _collector = new(QuietAfterBuild);
    private bool _outputsUntouched;
    private Exception? _watchError;
    private WebApplication? _app;
    private Task _rebuildLoop = Task.CompletedTask;
    private volatile BuildResult? _lastResult;
    private int _builds;
    private int _building;

    private PreviewServer(PreviewOptions options)
    {
        _options = options;
        _root = Path.GetDirectoryName(Path.GetFullPath(options.ConfigPath))!;
        // On a fixed port the preview's output stays in the cache folder from one session to the next, so starting
        // the preview again is an incremental build (1 s instead of 5 at 10,000 documents); its pages name the
        // port, so each port has a folder of its own. A port picked at random gets a temporary folder instead.
        _temporary = options.Port == 0 ? TemporaryPreviewFolder.Create() : null;
        _outputDirectory = _temporary?.Path ?? Path.Combine(_root, SiteBuilder.CacheFolder, string.Create(CultureInfo.InvariantCulture, $"preview-{options.Port}"));
    }

    /// <summary>The address the site is served at, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The folder the preview builds into and serves from.</summary>
    internal string OutputDirectory => _outputDirectory;

    /// <summary>True while a build runs.</summary>
    internal bool IsBuilding => Volatile.Read(ref _building) != 0;

    /// <summary>How many builds have finished (the first one included).</summary>
    public int Builds => Volatile.Read(ref _builds);

    /// <summary>Starts serving, runs the first build and starts watching; returns when the site is ready.</summary>
    public static async Task<PreviewServer> StartAsync(PreviewOptions options, CancellationToken cancellationToken = default)
    {
        var server = new PreviewServer(options);
        try
        {
            await server.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops watching and serving, closes open reload streams, and deletes a temporary preview folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _changes.Writer.TryComplete();
        try
        {
            await _rebuildLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        // After the rebuild loop has ended: it adds watchers when the settings name a new folder.
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
        _collector.Dispose();
        _temporary?.Dispose();
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        // Not the site folder as the content root, and no reloading of settings: ASP.NET Core would watch that whole
        // folder for appsettings.json, output folders included (53,000 inotify watches beside a 10,000-document
        // site, past the limit of many machines, and an event for every file a build writes there).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _options.Port));
        var app = builder.Build();
        _app = app;
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        Url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));

        // Watching starts before the first build: an edit saved while it runs is built next, and the listings the
        // build makes are kept up to date from then on (WatchedChanges).
        Watch();
        await BuildAsync(cancellationToken).ConfigureAwait(false);
        _rebuildLoop = RebuildLoopAsync(_stopping.Token);
    }

    private void Watch()
    {
        WatchSiteFolders();
        Subscribe(new FileSystemWatcher(_root, Path.GetFileName(_options.ConfigPath)));
    }

    /// <summary>
    /// Watches the content and theme folders the settings name, those not watched yet: at the start, and again
    /// whenever the settings change, so that naming another folder in <c>site.config.json</c> needs no restart.
    /// </summary>
    private void WatchSiteFolders()
    {
        var (content, themes) = ("content", "themes");
        try
        {
            var options = SiteOptionsLoader.Load(_options.ConfigPath);
            (content, themes) = (options.ContentDirectory, options.ThemeDirectory);
        }
        catch (Exception ex) when (ex is ContentException or IOException or UnauthorizedAccessException)
        {
            // The build shows what is wrong with the settings; the usual folders are watched meanwhile.
        }

        foreach (var folder in new[] { content, themes }.Select(f => Path.GetFullPath(Path.Combine(_root, f))).Distinct().Where(Directory.Exists))
        {
            if (!_watchedFolders.Contains(folder))
            {
                Subscribe(new FileSystemWatcher(folder) { IncludeSubdirectories = true });
                _watchedFolders.Add(folder);
                _memory.Changes.Watching(folder);
            }
        }
    }

    private void Subscribe(FileSystemWatcher watcher)
    {
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
        watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            _changes.Writer.TryWrite(e.OldFullPath);
            _changes.Writer.TryWrite(e.FullPath);
        };

        // The watcher lost events (its queue overflowed) or could not watch a folder: some changes are not known, so
        // the next build lists every folder again.
        watcher.Error += (_, e) =>
        {
            _watchError = e.GetException();
            if (_watchError is not InternalBufferOverflowException)
            {
                // A folder is not watched (no inotify watch was left for it): no listing can be trusted from now on.
                _memory.Changes.NoteUnreliable();
            }

            _changes.Writer.TryWrite(EventsLost);
        };
        _watchers.Add(watcher);
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (IOException ex)
        {
            // Linux gives each user a number of inotify watches (one per folder watched); a big site, or other
            // programs watching many folders, can use them up.
            throw new PreviewWatchException(
                $"cannot watch {Path.GetRelativePath(_root, watcher.Path)} for changes: {ex.Message} On Linux, raise the limit, e.g. 'sudo sysctl fs.inotify.max_user_watches=524288', or stop other programs that watch many folders.",
                ex);
        }
    }

    private async Task RebuildLoopAsync(CancellationToken cancellationToken)
    {
        // A rebuild with nothing changed, right after the first build, while the editor opens the page: the code a
        // rebuild runs is compiled by then (the first build runs other code), so the first save is built as fast as
        // the later ones (10,000 documents, a save right after the start: 0.33–0.40 s with it, 0.54–0.57 s without;
        // later saves 0.21–0.30 s). Not announced, and skipped when a save is already waiting.
        if (_lastResult is { Succeeded: true } && !_changes.Reader.TryPeek(out _))
        {
            await BuildAsync(cancellationToken, announce: false).ConfigureAwait(false);
        }

        while (await _changes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Debounce: an editor's save is several events (truncate, write, rename); build once after they settle.
            var changed = new SortedSet<string>(StringComparer.Ordinal);
            var lost = false;
            do
            {
                while (_changes.Reader.TryRead(out var path))
                {
                    if (path == EventsLost)
                    {
                        lost = true;
                        _memory.Changes.NoteLost();
                        await ReportWatchErrorAsync().ConfigureAwait(false);
                        continue;
                    }

                    _memory.Changes.NoteChanged(path);
                    changed.Add(path);
                }

                await Task.Delay(_options.Debounce, cancellationToken).ConfigureAwait(false);
            }
            while (_changes.Reader.TryPeek(out _));

            var shown = changed.Count == 0 ? ["(not known: see above)"] : changed.Select(p => Path.GetRelativePath(_root, p).Replace('\\', '/')).Take(3);
            await _options.Log.WriteLineAsync($"Changed: {string.Join(", ", shown)}{(changed.Count > 3 ? ", …" : string.Empty)}").ConfigureAwait(false);
            if (lost || changed.Contains(Path.GetFullPath(_options.ConfigPath)))
            {
                await RewatchAsync().ConfigureAwait(false);
            }

            await BuildAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The settings changed: watches the folders they now name (a new content folder is built whole).</summary>
    private async Task RewatchAsync()
    {
        try
        {
            WatchSiteFolders();
        }
        catch (PreviewWatchException ex)
        {
            // Out of inotify watches: the preview goes on, but edits in that folder will not rebuild it.
            _memory.Changes.NoteUnreliable();
            await _options.Log.WriteLineAsync($"The file watcher {ex.Message}").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Says in the terminal that the watcher missed changes: its queue overflowed (the build after it lists every
    /// folder again), or it could not watch a new folder (Linux's limit of inotify watches), so edits there may not
    /// rebuild the preview.
    /// </summary>
    private async Task ReportWatchErrorAsync()
    {
        if (Interlocked.Exchange(ref _watchError, null) is not { } error)
        {
            return;
        }

        await _options.Log.WriteLineAsync(
            $"The file watcher missed changes ({error.Message.TrimEnd('.')}); the next build reads every folder again. If this repeats, " +
            "edits in some folders may not rebuild the preview: on Linux, raise the limit of watches, e.g. 'sudo sysctl fs.inotify.max_user_watches=524288'.").ConfigureAwait(false);
    }

    /// <summary>Builds the site; <paramref name="announce"/> says so in the log, counts the build and reloads open pages.</summary>
    private async Task BuildAsync(CancellationToken cancellationToken, bool announce = true)
    {
        BuildResult result;
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref _building, 1);
        _collector.BeforeBuild();
        try
        {
            result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(_options.ConfigPath, _outputDirectory, Url.ToString(), Memory: _memory, OutputsUntouched: _outputsUntouched), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A theme that does not compile, for instance: show it like a content error rather than stopping the preview.
            result = new BuildResult(
                [new Diagnostic(DiagnosticSeverity.Error, "PUB0800", new SourceSpan(_options.ConfigPath), $"the build stopped: {ex.Message}", "Fix the file named above and save; the preview rebuilds by itself.")],
                new BuildStatistics(),
                TimeSpan.Zero,
                System.Collections.Immutable.ImmutableDictionary<string, IReadOnlyList<Core.Documents.Document>>.Empty);
        }
        finally
        {
            _collector.AfterBuild();
            Volatile.Write(ref _building, 0);
        }

        // The output folder is the server's own: once it has built it, no one else writes there.
        _outputsUntouched |= result.Succeeded;

        // Only the diagnostics are kept: the documents of a build (every page's model, the Markdown of every body) would
        // stay in memory until the next build had finished, and every collection during it would go through them.
        _lastResult = result with { Outputs = System.Collections.Immutable.ImmutableDictionary<string, IReadOnlyList<Core.Documents.Document>>.Empty };
        if (!announce)
        {
            return;
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            await _options.Log.WriteLineAsync(ErrorPage.Line(diagnostic, _options.Language)).ConfigureAwait(false);
        }

        await _options.Log.WriteLineAsync(result.Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"Built {result.Statistics.PagesWritten} pages in {Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s; serving {Url}")
            : $"Build failed with {result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s); the browser shows them at {Url}").ConfigureAwait(false);
        Interlocked.Increment(ref _builds);
        _reload.Broadcast();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        context.Response.Headers.CacheControl = "no-store";
        if (path.StartsWith(ReservedPath, StringComparison.Ordinal))
        {
            await ServeReservedAsync(context, path[ReservedPath.Length..]).ConfigureAwait(false);
            return;
        }

        var result = _lastResult;
        if (result is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync("Building…", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var file = Resolve(path);
        var isPage = file is null ? !Path.HasExtension(path) : file.EndsWith(".html", StringComparison.Ordinal);
        if (!result.Succeeded && isPage)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await WriteHtmlAsync(context, ErrorPage.Render(result.Diagnostics, _options.Language), inject: false).ConfigureAwait(false);
            return;
        }

        if (file is null && !path.EndsWith('/') && Resolve(path + "/") is not null)
        {
            context.Response.Redirect(path + "/" + context.Request.QueryString);
            return;
        }

        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            file = Resolve("/404.html");
            if (file is null)
            {
                return;
            }
        }

        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            await WriteHtmlAsync(context, await File.ReadAllTextAsync(file, context.RequestAborted).ConfigureAwait(false), inject: true).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await context.Response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteHtmlAsync(HttpContext context, string html, bool inject)
    {
        if (inject)
        {
            var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
            html = head >= 0 ? html.Insert(head, ReloadTag + "\n") : html + ReloadTag;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(Utf8.GetBytes(html), context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ServeReservedAsync(HttpContext context, string name)
    {
        if (name == "events")
        {
            await StreamReloadsAsync(context).ConfigureAwait(false);
            return;
        }

        var resource = name switch
        {
            "reload.js" => ("Publisher.Preview.reload.js", "text/javascript; charset=utf-8"),
            "preview.css" => ("Publisher.Preview.preview.css", "text/css; charset=utf-8"),
            _ => default,
        };
        if (resource == default)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = resource.Item2;
        await using var stream = typeof(PreviewServer).Assembly.GetManifestResourceStream(resource.Item1)!;
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task StreamReloadsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await context.Response.WriteAsync(": connected\n\n", both.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(both.Token).ConfigureAwait(false);
            while (!both.IsCancellationRequested)
            {
                await _reload.NextAsync().WaitAsync(both.Token).ConfigureAwait(false);
                await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"event: reload\ndata: {Builds}\n\n"), both.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(both.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed or the server is stopping.
        }
    }

    /// <summary>The file a URL path names in the preview folder, or null; never a file outside it.</summary>
    private string? Resolve(string urlPath)
    {
        var relative = Uri.UnescapeDataString(urlPath).TrimStart('/');
        var full = Path.GetFullPath(Path.Combine(_outputDirectory, relative));
        if (!full.StartsWith(_outputDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != _outputDirectory)
        {
            return null;
        }

        if (Directory.Exists(full) && (urlPath.EndsWith('/') || relative.Length == 0))
        {
            full = Path.Combine(full, "index.html");
        }

        return File.Exists(full) ? full : null;
    }
}
