using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Publisher.Safety.Tests;

/// <summary>
/// Finds what could run script in a reader's browser, or break a strict Content-Security-Policy
/// (<c>default-src 'self'</c>): inline scripts, event handler attributes, script-bearing URLs, embedded
/// documents, and inline styles. Parsing with AngleSharp sees the page as a browser would, so tricks such as
/// odd case or entities in <c>javascript:</c> are caught.
/// </summary>
public static class ScriptVectors
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc", "srcset", "cite", "longdesc", "manifest"];
    private static readonly string[] DangerousElements = ["object", "embed", "applet", "base", "frame", "frameset"];

    private static bool IsInertJsonLd(AngleSharp.Dom.IElement element, bool fragment) =>
        !fragment &&
        element.GetAttribute("type") == "application/ld+json" &&
        !element.HasAttribute("src") &&
        element.ParentElement?.LocalName == "head" &&
        !element.TextContent.Contains('<');

    public static IReadOnlyList<string> InDocument(string html, IReadOnlyCollection<string>? iframeHosts = null, bool fragment = false)
    {
        var parser = new HtmlParser();
        var document = fragment ? parser.ParseDocument($"<!DOCTYPE html><html><head></head><body>{html}</body></html>") : parser.ParseDocument(html);
        var problems = new List<string>();
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (name == "script" && IsInertJsonLd(element, fragment))
            {
                // The theme's JSON-LD block is data, never executed, and allowed by default-src 'self'; it must not
                // contain a raw '<' (the encoder escapes it), so no payload can close the element early.
                continue;
            }

            if (name == "script" && (!element.HasAttribute("src") || !IsOwnUrl(element.GetAttribute("src")!)))
            {
                problems.Add($"inline or foreign <script>: {Short(element.OuterHtml)}");
            }

            if (name == "style")
            {
                problems.Add($"<style> element: {Short(element.OuterHtml)}");
            }

            if (DangerousElements.Contains(name))
            {
                problems.Add($"<{name}> element: {Short(element.OuterHtml)}");
            }

            if (name == "iframe" && !(Uri.TryCreate(element.GetAttribute("src"), UriKind.Absolute, out var src) && src.Scheme == Uri.UriSchemeHttps && (iframeHosts ?? []).Contains(src.Host, StringComparer.OrdinalIgnoreCase)))
            {
                problems.Add($"<iframe> from a host not allowed: {Short(element.OuterHtml)}");
            }

            if (name == "form" && element.GetAttribute("action") is { } action && !IsOwnUrl(action))
            {
                problems.Add($"<form> posting elsewhere: {Short(element.OuterHtml)}");
            }

            if (name == "meta" && element.GetAttribute("http-equiv") is { } equiv && equiv.Equals("refresh", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"<meta http-equiv=refresh>: {Short(element.OuterHtml)}");
            }

            foreach (var attribute in element.Attributes)
            {
                CheckAttribute(element, attribute, problems);
            }
        }

        return problems;
    }

    private static void CheckAttribute(IElement element, IAttr attribute, List<string> problems)
    {
        var name = attribute.Name.ToLowerInvariant();
        if (name.StartsWith("on", StringComparison.Ordinal))
        {
            problems.Add($"event handler {name}= on <{element.LocalName}>");
        }

        if (name == "style")
        {
            problems.Add($"style= attribute on <{element.LocalName}>");
        }

        if (UrlAttributes.Contains(name) || name.EndsWith(":href", StringComparison.Ordinal))
        {
            var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
            if (value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal) ||
                (value.StartsWith("data:", StringComparison.Ordinal) && !(element.LocalName == "img" && value.StartsWith("data:image/", StringComparison.Ordinal) && !value.StartsWith("data:image/svg", StringComparison.Ordinal))))
            {
                problems.Add($"script-bearing URL {name}=\"{attribute.Value}\" on <{element.LocalName}>");
            }
        }
    }

    private static bool IsOwnUrl(string url) =>
        !url.Contains(':', StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal);

    private static string Short(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
