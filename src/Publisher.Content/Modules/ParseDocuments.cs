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
/// and warnings come from the build notes (<see cref="ParsedFrontMatter"/>).
/// </summary>
public sealed class ParseDocuments : SyncModule
{
    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var relative = input.GetRequired<string>(ContentKeys.RelativePath);
        var parts = FrontMatterSplitter.Split(input.Content, input.Source);
        var notes = context.OutputCache?.Notes;
        var key = notes is not null && input.Get<string>(ContentKeys.SourceHash) is { } sourceHash
            ? ContentHash.OfParts([context.OutputCache!.Fingerprint, nameof(ParseDocuments), sourceHash, input.Source, relative])
            : null;
        if (key is null || !notes!.TryRecall(key, out var note) || ParsedFrontMatter.FromNote(note) is not { } parsed)
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

            parsed = new ParsedFrontMatter(item, [.. diagnostics]);
            if (key is not null)
            {
                notes!.Note(key, parsed.ToNote());
            }
        }

        foreach (var diagnostic in parsed.Diagnostics)
        {
            context.Diagnostics.Add(diagnostic);
        }

        return input.WithMetadata(ContentKeys.Item, parsed.Item).WithMetadata(ContentKeys.BodyLine, parts.BodyLine)
            .WithMetadata(ContentKeys.FrontMatterHash, ContentHash.OfParts([parts.Yaml])).WithContent(parts.Body);
    }
}
