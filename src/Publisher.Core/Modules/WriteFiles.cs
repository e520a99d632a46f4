using System.Text;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;

namespace Publisher.Core.Modules;

/// <summary>
/// Writes each document's content to its destination under the output folder as UTF-8 without a BOM, then
/// returns the document without its content so the page is not held in memory after it is on disk. In an
/// incremental build, files kept from the previous build or with unchanged bytes are not written again.
/// </summary>
public sealed class WriteFiles : SyncModule
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        if (input.Destination.Length == 0 || input.Get<bool>(OutputCache.KeptKey))
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

        var path = OutputPath.Resolve(context.OutputDirectory, input.Destination);
        var bytes = Utf8.GetBytes(input.Content);
        if (context.OutputCache is { } cache &&
            cache.RecordAndCheckUnchanged(input.Destination, input.Get<string>(OutputCache.InputsKey), ContentHash.Of(bytes)))
        {
            // The previous build wrote exactly these bytes; the file stays where it is.
            return input.WithContent(string.Empty);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        context.Statistics.AddFileWritten(path, bytes.LongLength);
        return input.WithContent(string.Empty);
    }
}
