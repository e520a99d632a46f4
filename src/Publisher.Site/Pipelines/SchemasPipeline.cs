using Publisher.Core.Pipelines;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>Publishes the JSON Schemas of front matter and settings at <c>/schemas/</c>, for editors' tools.</summary>
public sealed class SchemasPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public SchemasPipeline() => Output.Add(new CopySchemas());
}
