using System.Collections.Immutable;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Publisher.Content.Configuration;

namespace Publisher.Content.Markdown;

/// <summary>
/// The one Markdown pipeline of the site, built once and shared by every thread (Markdig's pipeline is immutable
/// and thread-safe): pipe and grid tables, footnotes, heading ids that keep Chinese characters, CJK-friendly
/// emphasis, and no typographic quote replacement. Raw HTML and unusual link schemes go through HtmlSanitizer's
/// allowlist; a body with neither is safe as Markdig writes it and skips that DOM parse.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCjkFriendlyEmphasis()
        .UseListExtras()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    private readonly ImmutableArray<string> _iframeHosts;

    /// <summary>Creates a renderer honouring the site's iframe allowlist.</summary>
    public MarkdownRenderer(SiteOptions options) => _iframeHosts = options.IframeHosts;

    /// <summary>Renders a body. <paramref name="tableLabel"/> names tables that have no heading above them.</summary>
    public RenderedMarkdown Render(string markdown, string tableLabel = "Table")
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var headings = document.Descendants<HeadingBlock>()
            .Select(h => new Heading(h.Level, h.GetAttributes().Id ?? string.Empty, MarkdownText.Of(h)))
            .ToImmutableArray();

        var html = RenderHtml(document, tableLabel);
        var removed = new List<string>();
        var at = (0, 0);
        if (FirstUnsafeNode(document) is { } node)
        {
            html = CreateSanitizer(removed).Sanitize(html);
            at = (node.Line, node.Column);
        }

        return new RenderedMarkdown(html, headings, RenderPlainText(document)) { Removed = [.. removed.Distinct()], RemovedAt = at };
    }

    private static string RenderHtml(MarkdownDocument document, string tableLabel)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollableTableRenderer(tableLabel));
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static string RenderPlainText(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().Trim();
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
