using Publisher.Content.Markdown;
using Publisher.Content.Model;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;

namespace Publisher.Content.Modules;

/// <summary>Renders the Markdown body into <see cref="ContentKeys.BodyHtml"/>, <see cref="ContentKeys.Headings"/> and <see cref="ContentKeys.PlainText"/>.</summary>
public sealed class RenderMarkdown : SyncModule
{
    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var renderer = context.GetService<MarkdownRenderer>();
        var item = input.GetRequired<ContentItem>(ContentKeys.Item);
        var rendered = renderer.Render(input.Content, item.Language == "en" ? "Table" : "表格");
        return input
            .WithMetadata(ContentKeys.BodyHtml, rendered.Html)
            .WithMetadata(ContentKeys.Headings, rendered.Headings)
            .WithMetadata(ContentKeys.PlainText, rendered.PlainText)
            .WithContent(string.Empty);
    }
}
