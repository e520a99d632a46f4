using System.Text.RegularExpressions;

namespace Publisher.Import.Structure;

/// <summary>Escapes a paragraph's first character when Markdown would read it as a heading, quote or list.</summary>
internal static partial class MarkdownEscaper
{
    /// <summary>Returns <paramref name="paragraph"/>, with a backslash before a leading block marker.</summary>
    public static string EscapeParagraph(string paragraph) =>
        BlockMarker().IsMatch(paragraph) ? "\\" + paragraph : paragraph;

    [GeneratedRegex(@"^(?:#|>|[-+*]\s|\d{1,9}[.)](?:\s|$))")]
    private static partial Regex BlockMarker();
}
