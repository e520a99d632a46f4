using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Rendering;

namespace Publisher.Site.Modules;

/// <summary>Renders each planned page with its Razor template into the document's content.</summary>
public sealed class RenderPages : Module
{
    /// <inheritdoc />
    protected override async Task<IEnumerable<Document>> ExecuteDocumentAsync(Document input, IExecutionContext context)
    {
        var renderer = context.GetService<PageRenderer>();
        var model = input.GetRequired<PageModel>(SiteKeys.PageModel);
        var html = await renderer.RenderAsync(input.GetRequired<string>(SiteKeys.Template), model).ConfigureAwait(false);
        return [input.WithContent(html).WithMetadata(SiteKeys.PageModel, null)];
    }
}
