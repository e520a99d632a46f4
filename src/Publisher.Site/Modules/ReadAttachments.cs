using System.Globalization;
using Publisher.Content;
using Publisher.Content.Model;
using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Model;
using Publisher.Site.Pipelines;
using UglyToad.PdfPig;

namespace Publisher.Site.Modules;

/// <summary>
/// Finds each document's attachments (<c>attachments: [{file, title}]</c>, the file in the document's folder) and
/// describes them: format, size and, for PDFs, the page count read with PdfPig. Each becomes a document whose
/// destination is beside the document's page; <see cref="CopyAttachments"/> copies the bytes. A missing file
/// fails the build at the <c>file:</c> value.
/// </summary>
public sealed class ReadAttachments : IModule
{
    private static readonly Dictionary<string, string> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "PDF",
        [".csv"] = "CSV",
        [".txt"] = "Plain text",
        [".xlsx"] = "MS Excel Spreadsheet",
        [".xls"] = "MS Excel Spreadsheet",
        [".ods"] = "ODS",
        [".docx"] = "MS Word Document",
        [".doc"] = "MS Word Document",
        [".odt"] = "ODT",
        [".zip"] = "ZIP",
    };

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var items = context.GetOutputs(nameof(DocumentsPipeline))
            .Select(d => d.GetRequired<ContentItem>(ContentKeys.Item))
            .Where(i => !i.IsTranslation && i.Attachments.Length > 0)
            .OrderBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        var outputs = new List<Document>();
        foreach (var item in items)
        {
            var folder = Path.GetDirectoryName(Path.Combine(context.InputDirectory, item.Source))!;
            var pagePath = item.Key.StartsWith("pages/", StringComparison.Ordinal) ? item.Key["pages/".Length..] + "/" : item.Key + "/";
            foreach (var attachment in item.Attachments)
            {
                var file = Path.Combine(folder, attachment.File);
                if (!File.Exists(file))
                {
                    var nearby = Directory.Exists(folder)
                        ? string.Join(", ", Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(n => !n!.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                        : string.Empty;
                    context.Diagnostics.Error(
                        "PUB1111",
                        attachment.Location.File is null ? new Core.Diagnostics.SourceSpan(item.Source) : attachment.Location,
                        $"attachment '{attachment.File}' does not exist in {Path.GetRelativePath(context.InputDirectory, folder).Replace('\\', '/')}/.",
                        nearby.Length > 0 ? $"Files there: {nearby}. Check the name, or put the file beside the document." : "Put the file beside the document, in the same folder.");
                    continue;
                }

                var extension = Path.GetExtension(file);
                var format = Formats.GetValueOrDefault(extension, extension.TrimStart('.').ToUpperInvariant());
                var source = Path.GetRelativePath(context.InputDirectory, file).Replace('\\', '/');
                var info = new AttachmentInfo(attachment.Title, pagePath + attachment.File, format, new FileInfo(file).Length, format == "PDF" ? PdfPages(file, source, context) : null);
                outputs.Add(new Document
                {
                    Source = source,
                    Destination = info.Path,
                    Metadata = DocumentMetadata.Empty
                        .With(DeployKeys.Attachment, info)
                        .With(DeployKeys.AttachmentOf, item.Key),
                });
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }

    /// <summary>
    /// The page count of a PDF; recalled from the build notes for a file unchanged since the previous build (opening
    /// every PDF of a portal with PdfPig in every build would read them all).
    /// </summary>
    private static int? PdfPages(string file, string source, IExecutionContext context)
    {
        if (context.OutputCache is not { } cache)
        {
            return PdfPages(file);
        }

        var key = ContentHash.OfParts([cache.Fingerprint, nameof(PdfPages), cache.Sources.HashOfFile(source, file)]);
        if (cache.Notes.TryRecall(key, out var note))
        {
            return int.TryParse(note, NumberStyles.None, CultureInfo.InvariantCulture, out var recalled) ? recalled : null;
        }

        var pages = PdfPages(file);
        cache.Notes.Note(key, pages?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        return pages;
    }

    private static int? PdfPages(string file)
    {
        try
        {
            using var pdf = PdfDocument.Open(file);
            return pdf.NumberOfPages;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An unreadable PDF is still published; the page count is simply not shown.
            return null;
        }
    }
}
