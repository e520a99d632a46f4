using Publisher.Core.Caching;
using Publisher.Core.Execution;

namespace Publisher.Core.IO;

/// <summary>Copies source files (attachments, theme assets, schemas) into the output of a build.</summary>
public static class OutputFiles
{
    /// <summary>
    /// Copies <paramref name="sourcePath"/> to <paramref name="destination"/> (relative to the output folder). In an
    /// incremental build a file whose bytes the previous build already published is recorded and not copied again.
    /// Nothing is written in a check-only run.
    /// </summary>
    public static void Copy(IExecutionContext context, string sourcePath, string destination)
    {
        if (!context.WritesOutput)
        {
            return;
        }

        var bytes = File.ReadAllBytes(sourcePath);
        if (context.OutputCache is { } cache && cache.RecordAndCheckUnchanged(destination, null, ContentHash.Of(bytes)))
        {
            return;
        }

        var target = OutputPath.Resolve(context.OutputDirectory, destination);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        context.Statistics.AddFileWritten(target, bytes.LongLength);
    }
}
