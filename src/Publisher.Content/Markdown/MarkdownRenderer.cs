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
        if (NeedsSanitizing(document))
        {
            html = CreateSanitizer().Sanitize(html);
        }

        return new RenderedMarkdown(html, headings, RenderPlainText(document));
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

    private static bool NeedsSanitizing(MarkdownDocument document) =>
        document.Descendants<HtmlBlock>().Any() ||
        document.Descendants<HtmlInline>().Any() ||
        document.Descendants<HtmlEntityInline>().Any() ||
        document.Descendants<LinkInline>().Any(link => !IsSafeUrl(link.Url)) ||
        document.Descendants<AutolinkInline>().Any(link => !IsSafeUrl(link.Url));

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

    private HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
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
                    iframe.Remove();
                }
            };
        }

        return sanitizer;
    }
}
