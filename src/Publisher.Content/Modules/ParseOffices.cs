using Publisher.Content.Configuration;
using Publisher.Content.FrontMatter;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;

namespace Publisher.Content.Modules;

/// <summary>Parses office records (<c>content/offices/&lt;id&gt;.yml</c>) into <see cref="ContentKeys.Office"/>.</summary>
public sealed class ParseOffices : SyncModule
{
    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var mapping = YamlDocumentReader.ReadMapping(input.Content, input.Source, 1);
        var diagnostics = new List<Diagnostic>();
        var office = OfficeParser.Parse(mapping, input.Source, options.Languages, diagnostics);
        diagnostics.ForEach(context.Diagnostics.Add);
        return office is null ? null : input.WithMetadata(ContentKeys.Office, office).WithContent(string.Empty);
    }
}
