using System.Net;
using System.Text.RegularExpressions;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Publisher.Content.Markdown;

/// <summary>
/// Renders each table inside a labelled, keyboard-focusable region that scrolls on its own, so a wide statistics
/// table never makes the page scroll sideways at 320 px (WCAG 1.4.10). The label is the nearest heading above.
/// </summary>
internal sealed partial class ScrollableTableRenderer(string fallbackLabel) : HtmlTableRenderer
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        var label = WebUtility.HtmlEncode(NearestHeading(table) ?? fallbackLabel);
        renderer.EnsureLine();
        renderer.Write($"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{label}\">");

        // Markdig writes column widths and alignment as style= attributes, which a Content-Security-Policy without
        // 'unsafe-inline' blocks: render into a buffer, drop the widths and turn alignment into classes.
        var writer = renderer.Writer;
        using var buffer = new StringWriter();
        renderer.Writer = buffer;
        try
        {
            base.Write(renderer, table);
        }
        finally
        {
            renderer.Writer = writer;
        }

        var html = ColumnWidth().Replace(buffer.ToString(), string.Empty);
        renderer.Write(Alignment().Replace(html, " class=\"align-$1\""));
        renderer.EnsureLine();
        renderer.WriteLine("</div>");
    }

    [GeneratedRegex("<col style=\"width:[^\"]*\" />\n?")]
    private static partial Regex ColumnWidth();

    [GeneratedRegex(" style=\"text-align: (left|center|right);\"")]
    private static partial Regex Alignment();

    private static string? NearestHeading(Block block)
    {
        var parent = block.Parent;
        if (parent is null)
        {
            return null;
        }

        var index = parent.IndexOf(block);
        for (var i = index - 1; i >= 0; i--)
        {
            if (parent[i] is HeadingBlock heading)
            {
                return MarkdownText.Of(heading);
            }
        }

        return null;
    }
}
