using Publisher.Core.Diagnostics;

namespace Publisher.Content.FrontMatter;

/// <summary>Splits a Markdown file into its YAML front matter and its body.</summary>
public static class FrontMatterSplitter
{
    /// <summary>The YAML text, the body, and the 1-based line on which each starts.</summary>
    /// <param name="Yaml">The YAML between the fences.</param>
    /// <param name="YamlLine">The file line of the YAML's first line.</param>
    /// <param name="Body">Everything after the closing fence.</param>
    /// <param name="BodyLine">The file line of the body's first line.</param>
    public sealed record Parts(string Yaml, int YamlLine, string Body, int BodyLine);

    /// <summary>Splits <paramref name="text"/>; the file must start with a <c>---</c> line and close it with another.</summary>
    /// <exception cref="ContentException">The front matter is missing or not closed.</exception>
    public static Parts Split(string text, string file)
    {
        // Line by line over the text, cutting only the two parts out of it: splitting the file into lines and
        // joining them again was 70 MB of strings in a build of 10,000 documents.
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        if (!IsFence(text.AsSpan(0, firstEnd < 0 ? text.Length : firstEnd), "---"))
        {
            throw new ContentException(
                "PUB0103",
                new SourceSpan(file, 1, 1),
                "the file does not start with front matter.",
                "Put a YAML block between two '---' lines at the very top, e.g. ---\\ntitle: …\\nkind: annual-report\\n---");
        }

        var yamlStart = firstEnd + 1;
        for (int line = 1, start = yamlStart; firstEnd >= 0; line++)
        {
            var end = text.IndexOf('\n', start);
            var current = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
            if (IsFence(current, "---") || IsFence(current, "..."))
            {
                var yaml = line == 1 ? string.Empty : text[yamlStart..(start - 1)];
                var body = end < 0 ? string.Empty : text[(end + 1)..];
                return new Parts(yaml, 2, body, line + 2);
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        throw new ContentException(
            "PUB0104",
            new SourceSpan(file, 1, 1),
            "the front matter is not closed.",
            "Add a line with only '---' after the last front-matter field.");
    }

    private static bool IsFence(ReadOnlySpan<char> line, string fence) => line.TrimEnd("\r \t").SequenceEqual(fence);
}
