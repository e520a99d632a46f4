using Publisher.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Publisher.Content.FrontMatter;

/// <summary>
/// Parses YAML into YamlDotNet's representation model, which keeps each node's line and column, and turns every
/// YAML problem into a located error: syntax, tabs, duplicate keys, anchors and aliases (refused outright, so an
/// alias-expansion bomb can never expand) and nesting deeper than front matter ever needs.
/// </summary>
public static class YamlDocumentReader
{
    private const int MaxDepth = DepthLimitedParser.MaxDepth;

    /// <summary>Parses the YAML of <paramref name="file"/> that starts on line <paramref name="firstLine"/>.</summary>
    /// <returns>The top-level mapping; an empty mapping for empty YAML.</returns>
    /// <exception cref="ContentException">The YAML is invalid or not a mapping.</exception>
    public static YamlMappingNode ReadMapping(string yaml, string file, int firstLine)
    {
        var lineOffset = firstLine - 1;
        var stream = new YamlStream();
        try
        {
            // One pass: the representation model reads events through a parser that counts nesting as it goes.
            stream.Load(new DepthLimitedParser(new Parser(new StringReader(yaml)), file, lineOffset));
        }
        catch (YamlException ex)
        {
            var lines = yaml.Split('\n');
            var line = (int)ex.Start.Line + lineOffset;
            var column = (int)ex.Start.Column;
            var reason = ex.InnerException?.Message ?? ex.Message;
            if (reason.Contains("tab", StringComparison.OrdinalIgnoreCase) && Array.FindIndex(lines, l => l.TrimStart(' ').StartsWith('\t')) is var tabbed and >= 0)
            {
                // YamlDotNet reports the start of the enclosing mapping; point at the line that holds the tab.
                (line, column) = (tabbed + firstLine, lines[tabbed].IndexOf('\t', StringComparison.Ordinal) + 1);
            }

            var sourceLine = lines.ElementAtOrDefault(line - firstLine) ?? string.Empty;
            var (message, hint) = Explain(ex, sourceLine);
            var code = reason.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ? "PUB0111" : "PUB0110";
            throw new ContentException(code, new SourceSpan(file, line, column), message, hint);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some unclosed flow collections, e.g. "year: [2021".
            var lines = yaml.Split('\n');
            var index = Array.FindIndex(lines, l => l.Count(c => c is '[' or '{') > l.Count(c => c is ']' or '}'));
            throw new ContentException(
                "PUB0110",
                new SourceSpan(file, firstLine + Math.Max(index, 0), 1),
                index >= 0 ? "the front matter is not valid YAML: a '[' or '{' on this line is never closed." : "the front matter is not valid YAML.",
                "Close the bracket, or put the value in quotes if the bracket is part of the text.");
        }
        catch (ArgumentException ex)
        {
            // Thrown by the representation model when a mapping repeats a key.
            throw new ContentException("PUB0111", new SourceSpan(file, firstLine, 1), $"a key appears twice in the front matter: {ex.Message}", "Keep one of the two lines.");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (stream.Documents.Count > 1)
        {
            throw new ContentException("PUB0112", new SourceSpan(file, firstLine, 1), "the front matter holds more than one YAML document.", "Remove the extra '---' line inside the front matter.");
        }

        var root = stream.Documents[0].RootNode;
        CheckNode(root, file, lineOffset, 0, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
        return root as YamlMappingNode
            ?? throw new ContentException("PUB0113", Locate(root, file, lineOffset), "the front matter must be a list of 'key: value' lines.", "Write each field as 'name: value' on its own line.");
    }

    /// <summary>The file position of a node.</summary>
    public static SourceSpan Locate(YamlNode node, string file, int lineOffset) =>
        new(file, (int)node.Start.Line + lineOffset, (int)node.Start.Column);

    private static void CheckNode(YamlNode node, string file, int lineOffset, int depth, HashSet<YamlNode> seen)
    {
        if (!seen.Add(node) || !node.Anchor.IsEmpty)
        {
            throw new ContentException("PUB0114", Locate(node, file, lineOffset), "YAML anchors and aliases (&name, *name) are not allowed in front matter.", "Write the value out in full.");
        }

        if (depth > MaxDepth)
        {
            throw new ContentException("PUB0115", Locate(node, file, lineOffset), $"the front matter is nested more than {MaxDepth} levels deep.", "Front-matter fields are flat; check the indentation.");
        }

        IEnumerable<YamlNode> children = node switch
        {
            YamlMappingNode mapping => mapping.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            CheckNode(child, file, lineOffset, depth + 1, seen);
        }
    }

    private static (string Message, string Hint) Explain(YamlException ex, string sourceLine)
    {
        var reason = ex.InnerException?.Message ?? ex.Message;
        if (sourceLine.Contains('\t'))
        {
            return ($"the front matter has a tab character: {reason}", "YAML must be indented with spaces; replace the tab with spaces.");
        }

        if (reason.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
        {
            return ($"a key appears twice in the front matter: {reason}", "Keep one of the two lines.");
        }

        return ($"the front matter is not valid YAML: {reason}", "Check the line: each field is 'name: value'; quote values that start with special characters such as : { [ * & ! | > ' \" % @ `.");
    }
}
