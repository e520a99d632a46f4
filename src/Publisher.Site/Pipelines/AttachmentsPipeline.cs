using Publisher.Core.Pipelines;
using Publisher.Site.Modules;

namespace Publisher.Site.Pipelines;

/// <summary>Describes and copies the files attached to documents (PDF originals, spreadsheets).</summary>
public sealed class AttachmentsPipeline : Pipeline
{
    /// <summary>Creates the pipeline.</summary>
    public AttachmentsPipeline()
    {
        DependencyNames.Add(nameof(DocumentsPipeline));
        Process.Add(new ReadAttachments());
        Output.Add(new CopyAttachments());
    }
}
