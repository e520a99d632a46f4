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

        var files = Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(root, path).Replace('\\', '/')))
            .Where(f => !exclude.Contains(f.Relative.Split('/')[0], StringComparer.Ordinal))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

        var documents = new Document?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism }, i =>
        {
            var source = Path.GetRelativePath(context.InputDirectory, files[i].Path).Replace('\\', '/');
            try
            {
                documents[i] = Read(files[i].Path, source, options, context.Diagnostics)?
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

    private static Document? Read(string path, string source, SiteOptions options, DiagnosticBag diagnostics)
    {
        var length = new FileInfo(path).Length;
        if (length > options.MaxFileBytes)
        {
            diagnostics.Error("PUB0107", new SourceSpan(source), $"the file is {length:N0} bytes, more than the limit of {options.MaxFileBytes:N0}.", "Split the document, or raise maxFileBytes in site.config.json.");
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var decoded = TextDecoder.Decode(bytes, source);
        if (decoded.ConvertedFrom is { } encoding)
        {
            diagnostics.Warning("PUB0108", new SourceSpan(source), $"the file is encoded as {encoding}; it was converted to UTF-8 for this build.", "Save the file as UTF-8 so every tool reads it the same way.");
        }

        return new Document { Source = source, Content = decoded.Text.Replace("\r\n", "\n", StringComparison.Ordinal) }
            .WithMetadata(ContentKeys.SourceHash, ContentHash.Of(bytes));
    }
}
