using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Publisher.Content.Text;
using Publisher.Core.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Publisher.Import.Readers;

/// <summary>Reads the text of a .txt/.md (any of UTF-8, UTF-16, GB18030), .pdf or .docx file.</summary>
public static class SourceReader
{
    /// <summary>The file extensions the importer reads.</summary>
    public static readonly IReadOnlyCollection<string> Extensions = [".txt", ".md", ".pdf", ".docx"];

    /// <summary>Reads <paramref name="path"/>; warnings (e.g. an encoding conversion) go to <paramref name="warnings"/>.</summary>
    /// <exception cref="ContentException">The file type is not supported or the file cannot be read.</exception>
    public static string Read(string path, ICollection<ImportWarning> warnings)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".txt" or ".md" or ".text" => ReadText(path, warnings),
                ".pdf" => ReadPdf(path),
                ".docx" => ReadDocx(path),
                _ => throw new ContentException(
                    "PUB0410",
                    new SourceSpan(path, 1, 1),
                    $"'{extension}' files cannot be imported.",
                    "Give a .pdf, .docx, .txt or .md file (save a .doc or .wps as .docx first)."),
            };
        }
        catch (Exception ex) when (ex is not ContentException and (IOException or InvalidOperationException or OpenXmlPackageException or UglyToad.PdfPig.Core.PdfDocumentFormatException or FileFormatException))
        {
            throw new ContentException(
                "PUB0412",
                new SourceSpan(path, 1, 1),
                $"the file cannot be read: {ex.Message}",
                "Check that it opens in a PDF reader or Word; if it is a scan, it needs OCR first.");
        }
    }

    private static string ReadText(string path, ICollection<ImportWarning> warnings)
    {
        var decoded = TextDecoder.Decode(File.ReadAllBytes(path), path);
        if (decoded.ConvertedFrom is { } encoding)
        {
            warnings.Add(new ImportWarning("PUB0401", $"the file was in {encoding}; it was converted to UTF-8."));
        }

        return decoded.Text;
    }

    // One line per PDF text line (PdfPig's content-order extractor); pages separated by form feeds, which the
    // page-debris rule removes together with page numbers and running headers.
    private static string ReadPdf(string path)
    {
        using var document = PdfDocument.Open(path);
        var builder = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            builder.Append(ContentOrderTextExtractor.GetText(page)).Append('\f').Append('\n');
        }

        return builder.ToString();
    }

    // One line per Word paragraph; a manual line break inside a paragraph becomes a line break.
    private static string ReadDocx(string path)
    {
        using var document = WordprocessingDocument.Open(path, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text text:
                        builder.Append(text.Text);
                        break;
                    case TabChar:
                        builder.Append(' ');
                        break;
                    case Break:
                        builder.Append('\n');
                        break;
                }
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
