using Publisher.Content.Markdown;
using Publisher.Content.Model;
using Publisher.Core.Diagnostics;
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
        var bodyLine = input.Get<int>(ContentKeys.BodyLine);
        var rendered = renderer.Render(input.Content, item.Language == "en" ? "Table" : "表格", new SourceSpan(input.Source, bodyLine));
        if (rendered.Removed.Length > 0)
        {
            context.Diagnostics.Warning(
                "PUB0902",
                new SourceSpan(input.Source, bodyLine + rendered.RemovedAt.Line, rendered.RemovedAt.Column + 1),
                $"HTML that could run script or break the site's security policy was removed: {string.Join(", ", rendered.Removed)}.",
                "Delete it from the Markdown. Pages keep plain HTML (tables, links, lists); scripts, event handlers, styles, forms and javascript:/data: links are never published, and iframes only from hosts listed in iframeHosts of site.config.json.");
        }

        return input
            .WithMetadata(ContentKeys.BodyHtml, rendered.Html)
            .WithMetadata(ContentKeys.Headings, rendered.Headings)
            .WithMetadata(ContentKeys.PlainText, rendered.PlainText)
            .WithContent(string.Empty);
    }
}
