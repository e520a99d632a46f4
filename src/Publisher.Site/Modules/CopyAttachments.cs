using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Modules;

namespace Publisher.Site.Modules;

/// <summary>
/// Copies each attachment found by <see cref="ReadAttachments"/> byte for byte to its destination; one unchanged
/// since the previous build (its source stamp) is not read.
/// </summary>
public sealed class CopyAttachments : SyncModule
{
    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        OutputFiles.Copy(context, Path.Combine(context.InputDirectory, input.Source), input.Destination, input.Source);
        return input;
    }
}
