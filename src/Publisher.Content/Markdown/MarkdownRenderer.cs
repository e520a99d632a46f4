using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Publisher.Content.Configuration;
using Publisher.Core.Diagnostics;
using Publisher.Core.Text;
using SourceSpan = Publisher.Core.Diagnostics.SourceSpan;

namespace Publisher.Content.Markdown;

/// <summary>
/// The one Markdown pipeline of the site, built once and shared by every thread (Markdig's pipeline is immutable
/// and thread-safe): pipe and grid tables, footnotes, heading ids that keep Chinese characters, CJK-friendly
/// emphasis, and no typographic quote replacement. Raw HTML and unusual link schemes go through HtmlSanitizer's
/// allowlist; a body with neither is safe as Markdig writes it and skips that DOM parse.
/// </summary>
public sealed partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCjkFriendlyEmphasis()
        .UseListExtras()
        .Build();

    private const int MaxHtmlDepth = 1000;

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    // Elements that never hold others, or close themselves implicitly, so they cannot nest without a container.
    private static readonly HashSet<string> VoidOrSelfClosing =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "p", "li", "dt", "dd", "td", "th", "tr", "option"];

    private readonly ImmutableArray<string> _iframeHosts;

    // HtmlSanitizer's constructor copies its default allowlists: 57 µs, against 38 µs to sanitize a short body (and
    // 143 µs for both, measured with HtmlSanitizer 10.0), so sanitizers are reused rather than made per body with
    // raw HTML. One is used by one thread at a time, as its removal events report into the list it was made with.
    private readonly ConcurrentBag<(HtmlSanitizer Sanitizer, List<string> Removed)> _sanitizers = [];
    private int _preparing;

    /// <summary>Creates a renderer honouring the site's iframe allowlist.</summary>
    public MarkdownRenderer(SiteOptions options) => _iframeHosts = options.IframeHosts;

    /// <summary>Renders a body. <paramref name="tableLabel"/> names tables that have no heading above them.</summary>
    /// <param name="markdown">The Markdown body.</param>
    /// <param name="tableLabel">The accessible name of tables without a heading above them.</param>
    /// <param name="bodyStart">Where the body starts in its file, for errors.</param>
    /// <exception cref="ContentException">The body is nested too deeply to render safely.</exception>
    public RenderedMarkdown Render(string markdown, string tableLabel = "Table", SourceSpan? bodyStart = null)
    {
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markdig's own depth limit (runaway '>' quote markers, list markers or brackets).
            throw TooDeep(bodyStart, "Markdown elements");
        }

        var depth = RawHtmlDepth(document);
        if (depth.Depth > MaxHtmlDepth)
        {
            // AngleSharp (behind HtmlSanitizer) walks the tree recursively and checks scope per tag, so absurd nesting
            // would take minutes or overflow the stack; no real report nests HTML this deep.
            throw TooDeep(bodyStart is { } start ? start with { Line = start.Line + depth.Line } : null, "raw HTML elements");
        }

        var headings = document.Descendants<HeadingBlock>()
            .Select(h => new Heading(h.Level, h.GetAttributes().Id ?? string.Empty, MarkdownText.Of(h)))
            .ToImmutableArray();

        var html = RenderHtml(document, tableLabel);
        ImmutableArray<string> removed = [];
        var at = (0, 0);
        if (FirstUnsafeNode(document) is { } node)
        {
            (html, removed) = Sanitize(html);
            at = (node.Line, node.Column);
        }

        return new RenderedMarkdown(html, headings, RenderPlainText(document)) { Removed = removed, RemovedAt = at };
    }

    /// <summary>
    /// True when <paramref name="markdown"/> may hold raw HTML or an HTML entity, the things that send a body
    /// through the sanitizer (a cheap look at the text, before any parse; unusual link schemes are not looked for).
    /// </summary>
    public static bool MayHoldRawHtml(string markdown) => RawHtmlHint().IsMatch(markdown);

    /// <summary>
    /// Readies a sanitizer on a thread of its own, once: the first sanitizing of a process loads and compiles
    /// HtmlSanitizer and AngleSharp, which is best done while other bodies are being rendered (a task queued on the
    /// thread pool would wait for the loop rendering them).
    /// </summary>
    public void PrepareSanitizer()
    {
        if (Interlocked.Exchange(ref _preparing, 1) == 0)
        {
            _ = Task.Factory.StartNew(() => Sanitize("<p>预备</p>"), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>The HTML through the allowlist, and what it took out (each thing once, in the order met).</summary>
    private (string Html, ImmutableArray<string> Removed) Sanitize(string html)
    {
        if (!_sanitizers.TryTake(out var pooled))
        {
            var list = new List<string>();
            pooled = (CreateSanitizer(list), list);
        }

        try
        {
            pooled.Removed.Clear();
            var safe = pooled.Sanitizer.Sanitize(html);
            return (safe, [.. pooled.Removed.Distinct()]);
        }
        finally
        {
            _sanitizers.Add(pooled);
        }
    }

    private static ContentException TooDeep(SourceSpan? location, string what) => new(
        "PUB0905",
        location ?? new SourceSpan("(markdown)"),
        $"{what} are nested too deeply; the page cannot be rendered safely.",
        "Look for a runaway run of '>' quote markers, list markers, brackets or unclosed HTML tags, and remove it.");

    /// <summary>A quick upper estimate of how deeply the raw HTML nests, and the 0-based line of the deepest block.</summary>
    private static (int Depth, int Line) RawHtmlDepth(MarkdownDocument document)
    {
        var html = document.Descendants<HtmlBlock>().Select(b => (Text: b.Lines.ToString(), b.Line))
            .Concat(document.Descendants<HtmlInline>().Select(i => (Text: i.Tag, i.Line)));
        int depth = 0, max = 0, line = 0;
        foreach (var (text, at) in html)
        {
            foreach (System.Text.RegularExpressions.Match tag in TagPattern().Matches(text))
            {
                var name = tag.Groups[2].Value.ToLowerInvariant();
                if (VoidOrSelfClosing.Contains(name) || tag.Groups[3].Value == "/")
                {
                    continue;
                }

                depth = tag.Groups[1].Value == "/" ? Math.Max(0, depth - 1) : depth + 1;
                if (depth > max)
                {
                    (max, line) = (depth, at);
                }
            }
        }

        return (max, line);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(/?)>")]
    private static partial System.Text.RegularExpressions.Regex TagPattern();

    [System.Text.RegularExpressions.GeneratedRegex("<[a-zA-Z/!?]|&#?[a-zA-Z0-9]+;")]
    private static partial System.Text.RegularExpressions.Regex RawHtmlHint();

    private static string RenderHtml(MarkdownDocument document, string tableLabel)
    {
        // Into the thread's reused builder: a new StringWriter per body grew by doubling (0.1 GB at 10k documents).
        var builder = ReusedStringBuilder.Rent();
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollableTableRenderer(tableLabel));
        renderer.Render(document);
        writer.Flush();
        return ReusedStringBuilder.ToStringAndReturn(builder);
    }

    private static string RenderPlainText(MarkdownDocument document)
    {
        var builder = ReusedStringBuilder.Rent();
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        // Trimmed in the builder (as string.Trim does), so the text is copied out once.
        var start = 0;
        var end = builder.Length;
        while (start < end && char.IsWhiteSpace(builder[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(builder[end - 1]))
        {
            end--;
        }

        var text = builder.ToString(start, end - start);
        ReusedStringBuilder.Return(builder);
        return text;
    }

    /// <summary>The first raw HTML or unusual link (in source order), or null when the body needs no sanitizing.</summary>
    private static MarkdownObject? FirstUnsafeNode(MarkdownDocument document) =>
        document.Descendants<HtmlBlock>().Cast<MarkdownObject>()
            .Concat(document.Descendants<HtmlInline>())
            .Concat(document.Descendants<HtmlEntityInline>())
            .Concat(document.Descendants<LinkInline>().Where(link => !IsSafeUrl(link.Url)))
            .Concat(document.Descendants<AutolinkInline>().Where(link => !IsSafeUrl(link.Url)))
            .OrderBy(n => n.Line)
            .ThenBy(n => n.Column)
            .FirstOrDefault();

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (slash >= 0 && slash < colon) || SafeSchemes.Contains(url[..colon], StringComparer.OrdinalIgnoreCase);
    }

    private HtmlSanitizer CreateSanitizer(List<string> removed)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.RemovingTag += (_, e) => removed.Add($"<{e.Tag.LocalName}>");
        sanitizer.RemovingAttribute += (_, e) => removed.Add($"{e.Attribute.Name}=\"{Shorten(e.Attribute.Value)}\" on <{e.Tag.LocalName}>");
        sanitizer.RemovingStyle += (_, e) => removed.Add($"style {e.Style.Name}");
        sanitizer.RemovingAtRule += (_, e) => removed.Add("a CSS @-rule");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("role");
        sanitizer.AllowedAttributes.Add("tabindex");
        sanitizer.AllowedAttributes.Add("aria-label");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedAttributes.Remove("style");
        if (_iframeHosts.Length > 0)
        {
            sanitizer.AllowedTags.Add("iframe");
            sanitizer.AllowedAttributes.Add("src");
            sanitizer.AllowedAttributes.Add("title");
            sanitizer.PostProcessNode += (_, e) =>
            {
                if (e.Node is AngleSharp.Dom.IElement { LocalName: "iframe" } iframe &&
                    !(Uri.TryCreate(iframe.GetAttribute("src"), UriKind.Absolute, out var src) &&
                      src.Scheme == Uri.UriSchemeHttps &&
                      _iframeHosts.Contains(src.Host, StringComparer.OrdinalIgnoreCase)))
                {
                    removed.Add($"<iframe src=\"{Shorten(iframe.GetAttribute("src") ?? string.Empty)}\"> (host not in iframeHosts)");
                    iframe.Remove();
                }
            };
        }

        return sanitizer;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
