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
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r', ' ', '\t') != "---")
        {
            throw new ContentException(
                "PUB0103",
                new SourceSpan(file, 1, 1),
                "the file does not start with front matter.",
                "Put a YAML block between two '---' lines at the very top, e.g. ---\\ntitle: …\\nkind: annual-report\\n---");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r', ' ', '\t');
            if (line is "---" or "...")
            {
                var yaml = string.Join('\n', lines[1..i]);
                var body = i + 1 < lines.Length ? string.Join('\n', lines[(i + 1)..]) : string.Empty;
                return new Parts(yaml, 2, body, i + 2);
            }
        }

        throw new ContentException(
            "PUB0104",
            new SourceSpan(file, 1, 1),
            "the front matter is not closed.",
            "Add a line with only '---' after the last front-matter field.");
    }
}
