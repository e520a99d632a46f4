using System.Globalization;
using Publisher.Content.Configuration;
using Publisher.Content.FrontMatter;
using Publisher.Content.Model;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;

namespace Publisher.Content.Modules;

/// <summary>
/// Reads a Markdown file's place in the content layout and its front matter into a <see cref="ContentItem"/>
/// (<see cref="ContentKeys.Item"/>); the document's content becomes the Markdown body. In an incremental build
/// a source the previous build parsed (same bytes, same place, same fingerprint) is not parsed again: its item
/// and warnings come from the build notes (<see cref="ParsedFrontMatter"/>), and a source the build did not read
/// (<see cref="Document.IsContentDeferred"/>) stays unread: its body is read only when a page renders it.
/// </summary>
public sealed class ParseDocuments : SyncModule
{
    private const string LayoutSuffix = ":layout";

    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var relative = input.GetRequired<string>(ContentKeys.RelativePath);
        var notes = context.OutputCache?.Notes;
        var key = notes is not null && input.Get<string>(ContentKeys.SourceHash) is { } sourceHash
            ? ContentHash.OfParts([context.OutputCache!.Fingerprint, nameof(ParseDocuments), sourceHash, input.Source, relative])
            : null;
        var recalled = key is not null ? notes!.RecallDecoded(key, ParsedFrontMatter.FromNote) : null;
        if (recalled is not null && input.IsContentDeferred && notes!.TryRecall(key + LayoutSuffix, out var layoutNote) && ParseLayout(layoutNote) is { } layout)
        {
            // The file was not read (its stamp is unchanged) and need not be: its body is read only if rendered.
            var source = input;
            return WithParsed(input, recalled, context, layout.BodyLine, layout.FrontMatterHash)
                .WithDeferredContent(() => FrontMatterSplitter.Split(source.Content, source.Source).Body);
        }

        var parts = FrontMatterSplitter.Split(input.Content, input.Source);
        var frontMatterHash = ContentHash.OfParts([parts.Yaml]);
        if (recalled is null)
        {
            var location = ContentLocation.Parse(input.Source, relative, options.Languages);
            var mapping = YamlDocumentReader.ReadMapping(parts.Yaml, input.Source, parts.YamlLine);
            var diagnostics = new List<Diagnostic>();
            var item = ContentItemParser.Parse(mapping, location, parts.YamlLine, diagnostics);
            if (item is null)
            {
                diagnostics.ForEach(context.Diagnostics.Add);
                return null;
            }

            recalled = new ParsedFrontMatter(item, [.. diagnostics]);
            if (key is not null)
            {
                notes!.Note(key, recalled.ToNote());
            }
        }

        if (key is not null)
        {
            notes!.Note(key + LayoutSuffix, FormatLayout(parts.BodyLine, frontMatterHash));
        }

        return WithParsed(input, recalled, context, parts.BodyLine, frontMatterHash).WithContent(parts.Body);
    }

    private static Document WithParsed(Document input, ParsedFrontMatter parsed, IExecutionContext context, int bodyLine, string frontMatterHash)
    {
        foreach (var diagnostic in parsed.Diagnostics)
        {
            context.Diagnostics.Add(diagnostic);
        }

        return input.WithMetadata(ContentKeys.Item, parsed.Item).WithMetadata(ContentKeys.BodyLine, bodyLine)
            .WithMetadata(ContentKeys.FrontMatterHash, frontMatterHash);
    }

    /// <summary>Where the body starts and the hash of the front matter: "line TAB hash".</summary>
    private static string FormatLayout(int bodyLine, string frontMatterHash) =>
        bodyLine.ToString(CultureInfo.InvariantCulture) + "\t" + frontMatterHash;

    private static (int BodyLine, string FrontMatterHash)? ParseLayout(string note)
    {
        var tab = note.IndexOf('\t', StringComparison.Ordinal);
        return tab > 0 && int.TryParse(note.AsSpan(0, tab), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? (line, note[(tab + 1)..])
            : null;
    }
}
