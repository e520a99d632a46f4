using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Publisher.Content.Markdown;

/// <summary>Plain text of inline Markdown content.</summary>
internal static class MarkdownText
{
    public static string Of(LeafBlock block)
    {
        var text = new StringBuilder();
        Append(block.Inline, text);
        return text.ToString().Trim();
    }

    private static void Append(ContainerInline? container, StringBuilder text)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline child:
                    Append(child, text);
                    break;
            }
        }
    }
}
