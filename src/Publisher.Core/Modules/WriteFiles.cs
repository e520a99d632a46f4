using System.Text;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;

namespace Publisher.Core.Modules;

/// <summary>
/// Writes each document's content to its destination under the output folder as UTF-8 without a BOM, then
/// returns the document without its content so the page is not held in memory after it is on disk.
/// </summary>
public sealed class WriteFiles : SyncModule
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        if (input.Destination.Length == 0)
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
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Utf8.GetBytes(input.Content);
        File.WriteAllBytes(path, bytes);
        context.Statistics.AddFileWritten(path, bytes.LongLength);
        return input.WithContent(string.Empty);
    }
}
