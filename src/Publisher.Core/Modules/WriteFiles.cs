using System.Buffers;
using System.Text;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;

namespace Publisher.Core.Modules;

/// <summary>
/// Writes each document's content to its destination under the output folder as UTF-8 without a BOM, then
/// returns the document without its content, marked <see cref="WrittenKey"/>, so the page is not held in memory
/// after it is on disk and a later WriteFiles leaves it alone. It may run in the process phase (streaming pages
/// to disk as they are rendered) as well as in the output phase. In an incremental build, files kept from the
/// previous build or with unchanged bytes are not written again. In a check-only run nothing is written.
/// </summary>
public sealed class WriteFiles : SyncModule
{
    /// <summary>Metadata key: true once the document's content is on disk (or was deliberately not written).</summary>
    public const string WrittenKey = "publisher.written";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        if (input.Destination.Length == 0 || input.Get<bool>(OutputCache.KeptKey) || input.Get<bool>(WrittenKey))
        {
            return input;
        }

        var problem = OutputPath.Problem(input.Destination);
        if (problem is not null)
        {
            throw new ContentException(
                "PUB0301",
                new SourceSpan(input.Source),
                $"output path '{input.Destination}' is not allowed: {problem}.",
                "Use a plain relative slug made of letters, digits and '-'.");
        }

        // Encoded into a rented buffer: a new array per page was 0.3 GB of a 10k build's allocations.
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(input.Content.Length));
        try
        {
            var length = Utf8.GetBytes(input.Content, buffer);
            OutputFiles.Write(context, input.Destination, buffer.AsSpan(0, length), input.Get<string>(OutputCache.InputsKey));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Written(input);
    }

    private static Document Written(Document input) => input.WithContent(string.Empty).WithMetadata(WrittenKey, true);
}
