using System.Collections.Concurrent;
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

    // Folders this instance has created: most pages share their folder's parents, and a stat per file adds up.
    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

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

        if (!context.WritesOutput)
        {
            return Written(input);
        }

        var path = OutputPath.Resolve(context.OutputDirectory, input.Destination);
        var bytes = Utf8.GetBytes(input.Content);
        if (context.OutputCache is { } cache &&
            cache.RecordAndCheckUnchanged(input.Destination, input.Get<string>(OutputCache.InputsKey), ContentHash.Of(bytes)))
        {
            // The previous build wrote exactly these bytes; the file stays where it is.
            return Written(input);
        }

        var folder = Path.GetDirectoryName(path)!;
        if (!_created.ContainsKey(folder))
        {
            // Recorded only once it exists: another thread may be writing into the same folder.
            Directory.CreateDirectory(folder);
            _created.TryAdd(folder, true);
        }

        // A handle and one positional write: no FileStream buffering, seeking or length queries for a file
        // written once (there are tens of thousands of them).
        using (var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, bytes, 0);
        }
        context.Statistics.AddFileWritten(path, bytes.LongLength);
        return Written(input);
    }

    private static Document Written(Document input) => input.WithContent(string.Empty).WithMetadata(WrittenKey, true);
}
