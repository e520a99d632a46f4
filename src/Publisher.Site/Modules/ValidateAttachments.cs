using Publisher.Content;
using Publisher.Content.Model;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;

namespace Publisher.Site.Modules;

/// <summary>
/// Reports an attachment whose file is not beside its document (PUB0801), so a reader never meets a dead
/// download link. The document goes on; the error fails the build.
/// </summary>
public sealed class ValidateAttachments : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        foreach (var document in inputs)
        {
            var item = document.GetRequired<ContentItem>(ContentKeys.Item);
            var folder = Path.GetDirectoryName(item.Source) ?? string.Empty;
            foreach (var attachment in item.Attachments)
            {
                var relative = Path.Combine(folder, attachment.File).Replace('\\', '/');
                if (!File.Exists(Path.Combine(context.InputDirectory, relative)))
                {
                    context.Diagnostics.Error(
                        "PUB0801",
                        item.LocationOf("attachments"),
                        $"attachment '{attachment.File}' does not exist.",
                        $"Put the file next to the document at {relative}, or correct 'file:'.");
                }
            }
        }

        return Task.FromResult(inputs);
    }
}
