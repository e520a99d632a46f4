using Publisher.Content.Configuration;
using Publisher.Content.Text;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;

namespace Publisher.Content.Modules;

/// <summary>
/// Reads text files under a folder of the site (sorted by path, so output never depends on the file system's
/// order). Files larger than the configured limit are refused; non-UTF-8 Chinese encodings are converted with a
/// warning; undecodable files are reported with the position of the first bad byte. Each document carries the
/// hash of the bytes read (<see cref="ContentKeys.SourceHash"/>), so incremental builds need not read it again.
/// A file whose length and times are those the previous build recorded (<see cref="SourceStamps"/>) is not read:
/// its document carries the recorded hash and deferred content, read (and checked against the hash) only by a
/// module that needs the text, so a build with few changes reads few files. The folder is listed by
/// <see cref="SourceStamps.List(string, string, int)"/>: in the preview and the build server, whose file watchers say
/// what changed, only the folders that changed are read again and only their files stat-ed.
/// </summary>
/// <param name="folder">The folder relative to the site root.</param>
/// <param name="pattern">A file pattern such as <c>*.md</c>.</param>
/// <param name="exclude">Relative folder names (first segment) to skip.</param>
public sealed class ReadContentFiles(string folder, string pattern, params string[] exclude) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var root = Path.Combine(context.InputDirectory, folder);
        if (!Directory.Exists(root))
        {
            return Task.FromResult<IReadOnlyList<Document>>([]);
        }

        var stamps = context.OutputCache?.Sources;
        IReadOnlyList<ListedFile> listed;
        var fromWatcher = false;
        try
        {
            listed = stamps?.List(root, pattern, context.MaxDegreeOfParallelism, out fromWatcher) ?? SourceListing.Scan(root, pattern, context.MaxDegreeOfParallelism).Files;
        }
        catch (Exception ex) when (Unreadable(ex) is { } unreadable)
        {
            context.Diagnostics.Error("PUB0105", new SourceSpan(folder.Replace('\\', '/')), $"the folder could not be read: {unreadable.Message}", "Check that the user who runs Publisher can read this folder and the folders in it.");
            return Task.FromResult<IReadOnlyList<Document>>([]);
        }

        context.Statistics.AddFolderListed(fromWatcher);
        var files = exclude.Length == 0 ? listed : [.. listed.Where(f => !exclude.Contains(FirstSegment(f.Relative), StringComparer.Ordinal))];
        var folderPath = Path.GetRelativePath(context.InputDirectory, root).Replace('\\', '/');
        var prefix = folderPath == "." ? string.Empty : folderPath + "/";
        var documents = new Document?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism }, i =>
        {
            var source = prefix + files[i].Relative;
            try
            {
                documents[i] = Read(files[i], source, options, stamps, context)?
                    .WithMetadata(ContentKeys.RelativePath, files[i].Relative);
            }
            catch (ContentException ex)
            {
                context.Diagnostics.Add(ex.Diagnostic);
            }
            catch (IOException ex)
            {
                context.Diagnostics.Error("PUB0100", new SourceSpan(source), $"the file could not be read: {ex.Message}", "Check that the file exists and is readable.");
            }
        });

        context.Statistics.AddDocumentsRead(files.Count);
        return Task.FromResult<IReadOnlyList<Document>>([.. documents.OfType<Document>()]);
    }

    /// <summary>The error that says a folder could not be listed (the listing reads folders in parallel, so it may come wrapped).</summary>
    private static Exception? Unreadable(Exception exception) => exception switch
    {
        IOException or UnauthorizedAccessException => exception,
        AggregateException aggregate => aggregate.InnerExceptions.FirstOrDefault(e => e is IOException or UnauthorizedAccessException),
        _ => null,
    };

    private static string FirstSegment(string relative) => relative.IndexOf('/') is var slash and >= 0 ? relative[..slash] : relative;

    private static Document? Read(ListedFile file, string source, SiteOptions options, SourceStamps? stamps, IExecutionContext context)
    {
        var (path, stamp) = (file.Path, file.Stamp);
        var diagnostics = context.Diagnostics;
        if (stamp.Length > options.MaxFileBytes)
        {
            diagnostics.Error("PUB0107", new SourceSpan(source), $"the file is {stamp.Length:N0} bytes, more than the limit of {options.MaxFileBytes:N0}.", "Split the document, or raise maxFileBytes in site.config.json.");
            return null;
        }

        if (stamps?.TryRecall(source, stamp) is { } recalled)
        {
            return new Document { Source = source }.WithDeferredContent(() => ReadAgain(path, source, recalled, stamps, context.Statistics))
                .WithMetadata(ContentKeys.SourceHash, recalled);
        }

        var bytes = File.ReadAllBytes(path);
        context.Statistics.AddSourceFileOpened();
        var hash = ContentHash.Of(bytes);
        var decoded = TextDecoder.Decode(bytes, source);
        if (decoded.ConvertedFrom is { } encoding)
        {
            // Not stamped: the warning comes from reading the file, so the file is read in every build.
            diagnostics.Warning("PUB0108", new SourceSpan(source), $"the file is encoded as {encoding}; it was converted to UTF-8 for this build.", "Save the file as UTF-8 so every tool reads it the same way.");
        }
        else
        {
            stamps?.Record(source, stamp with { Hash = hash });
        }

        return new Document { Source = source, Content = Normalize(decoded.Text) }.WithMetadata(ContentKeys.SourceHash, hash);
    }

    /// <summary>The text of a file the build did not read at first, checked against the hash its stamp promised.</summary>
    private static string ReadAgain(string path, string source, string hash, SourceStamps stamps, BuildStatistics statistics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
            statistics.AddSourceFileOpened();
        }
        catch (IOException ex)
        {
            throw new ContentException("PUB0100", new SourceSpan(source), $"the file could not be read: {ex.Message}", "Check that the file exists and is readable.");
        }

        if (ContentHash.Of(bytes) != hash)
        {
            stamps.Forget();
            throw new ContentException(
                "PUB0109",
                new SourceSpan(source),
                "the file changed while the build was running, or its bytes changed while its length and modification time stayed the same.",
                "Build again: the next build reads every source file.");
        }

        return Normalize(TextDecoder.Decode(bytes, source).Text);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
