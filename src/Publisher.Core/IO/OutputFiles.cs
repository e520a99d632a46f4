using Publisher.Core.Caching;
using Publisher.Core.Execution;

namespace Publisher.Core.IO;

/// <summary>Puts files into the output of a build: written pages and copied sources (attachments, assets, schemas).</summary>
public static class OutputFiles
{
    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="destination"/> (relative to the output folder). In an
    /// incremental build the file is recorded under <paramref name="inputsKey"/>, and not written again when the
    /// previous build already published exactly these bytes. Nothing is written in a check-only run.
    /// </summary>
    /// <returns>The hash the cache records for the bytes (<see cref="OutputCache.RecordedContentHash"/>), or null when nothing was written.</returns>
    public static string? Write(IExecutionContext context, string destination, ReadOnlySpan<byte> bytes, string? inputsKey = null)
    {
        if (!context.WritesOutput)
        {
            return null;
        }

        var hash = ContentHash.Of(bytes);
        if (context.OutputCache is { } cache && cache.RecordAndCheckUnchanged(destination, inputsKey, hash))
        {
            return hash;
        }

        var target = OutputPath.Resolve(context.OutputDirectory, destination);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // A handle and one positional write: no FileStream buffering, seeking or length queries for a file
        // written once (a build writes tens of thousands of them).
        using (var handle = File.OpenHandle(target, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, bytes, 0);
        }

        context.Statistics.AddFileWritten(target, bytes.Length);
        return hash;
    }

    /// <summary>
    /// Copies <paramref name="sourcePath"/> to <paramref name="destination"/>, as <see cref="Write"/> does. Given the
    /// file's <paramref name="source"/> name, its hash comes from <see cref="OutputCache.Sources"/>, so a file unchanged
    /// since the previous build, which published the same bytes, is not even read.
    /// </summary>
    public static void Copy(IExecutionContext context, string sourcePath, string destination, string? source = null)
    {
        if (!context.WritesOutput)
        {
            return;
        }

        if (source is not null && context.OutputCache is { } cache &&
            cache.RecordAndCheckUnchanged(destination, null, cache.Sources.HashOfFile(source, sourcePath)))
        {
            return;
        }

        Write(context, destination, File.ReadAllBytes(sourcePath));
    }
}
