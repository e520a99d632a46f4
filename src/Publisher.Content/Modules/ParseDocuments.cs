using Publisher.Content.Configuration;
using Publisher.Content.FrontMatter;
using Publisher.Content.Model;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;

namespace Publisher.Content.Modules;

/// <summary>
/// Reads a Markdown file's place in the content layout and its front matter into a <see cref="ContentItem"/>
/// (<see cref="ContentKeys.Item"/>); the document's content becomes the Markdown body.
/// </summary>
public sealed class ParseDocuments : SyncModule
{
    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var relative = input.GetRequired<string>(ContentKeys.RelativePath);
        var location = ContentLocation.Parse(input.Source, relative, options.Languages);
        var parts = FrontMatterSplitter.Split(input.Content, input.Source);
        var mapping = YamlDocumentReader.ReadMapping(parts.Yaml, input.Source, parts.YamlLine);
        var diagnostics = new List<Diagnostic>();
        var item = ContentItemParser.Parse(mapping, location, parts.YamlLine, diagnostics);
        diagnostics.ForEach(context.Diagnostics.Add);
        return item is null
            ? null
            : input.WithMetadata(ContentKeys.Item, item).WithMetadata(ContentKeys.BodyLine, parts.BodyLine).WithContent(parts.Body);
    }
}
