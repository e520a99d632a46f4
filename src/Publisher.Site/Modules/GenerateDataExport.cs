using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Modules;
using Publisher.Site.Model;

namespace Publisher.Site.Modules;

/// <summary>
/// Writes <c>data/documents.json</c>, every document's metadata as open data, through System.Text.Json's writer
/// (so no content can break out of it), and passes its inputs through. Keyed by exactly what it writes
/// (<see cref="InputsKey"/>): an edit to a body, the most common edit, keeps the file (at 50,000 documents making
/// it again was 1.4 s of a one-edit build), and so does an edit of front matter the export does not show.
/// </summary>
public sealed class GenerateDataExport : IModule
{
    private const string Destination = "data/documents.json";

    private static readonly JsonWriterOptions Json = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    // Each document's fields in the order written, the year (a number) between the two groups of strings.
    private static readonly string[] Before = ["key", "url", "url_en", "title", "title_en", "kind", "topic", "office", "office_name", "district"];
    private static readonly string[] After = ["issued", "published", "doc_number", "signer", "addressee", "index_no", "category", "validity", "summary", "summary_en"];

    /// <summary>
    /// The key of the export: every value it writes, in order (with the fingerprint, added by <c>MemoizeAll</c>).
    /// Those values are made from the documents' front matter, the settings and the office records, so the key is
    /// noted under the digest of every document's front matter (<see cref="SourceDigests.DocumentsFrontMatter"/>)
    /// and the fingerprint, and recalled while they stay as they were: making every row to hash it was 3% of the
    /// CPU of a one-edit rebuild at 10,000 documents.
    /// </summary>
    public static string? InputsKey(IExecutionContext context)
    {
        var notes = context.OutputCache?.Notes;
        var noteKey = notes is null
            ? null
            : ContentHash.OfParts([context.OutputCache!.Fingerprint, nameof(GenerateDataExport), SourceDigests.For(SiteModelFactory.Create(context), context).DocumentsFrontMatter]);
        if (noteKey is not null && notes!.TryRecall(noteKey, out var recalled))
        {
            return recalled;
        }

        var key = ValuesKey(context);
        if (noteKey is not null)
        {
            notes!.Note(noteKey, key);
        }

        return key;
    }

    /// <summary>The hash of every value the export writes, in order.</summary>
    private static string ValuesKey(IExecutionContext context)
    {
        var hash = new XxHash128();
        foreach (var row in Rows(context))
        {
            foreach (var value in row.Before)
            {
                ContentHash.AppendPart(hash, value);
            }

            ContentHash.AppendPart(hash, row.Year?.ToString(CultureInfo.InvariantCulture));
            foreach (var value in row.After)
            {
                ContentHash.AppendPart(hash, value);
            }

            ContentHash.AppendPart(hash, string.Join('\u001f', row.Translations));
        }

        return ContentHash.Digest(hash);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        // Written straight as UTF-8 by its module (marked written, as the search index is): as a string it was made
        // three times over (JSON, the line break added, the encoded bytes), 40 MB at 10,000 documents.
        var json = new ArrayBufferWriter<byte>(1 << 16);
        using (var writer = new Utf8JsonWriter(json, Json))
        {
            writer.WriteStartObject();
            writer.WriteString("generator", "Publisher");
            writer.WriteStartArray("documents");
            foreach (var row in Rows(context))
            {
                writer.WriteStartObject();
                WriteStrings(writer, Before, row.Before);
                if (row.Year is { } year)
                {
                    writer.WriteNumber("year", year);
                }

                WriteStrings(writer, After, row.After);
                writer.WriteStartArray("translations");
                foreach (var language in row.Translations)
                {
                    writer.WriteStringValue(language);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        json.Write("\n"u8);
        OutputFiles.Write(context, Destination, json.WrittenSpan);
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, new Document { Destination = Destination }.WithMetadata(WriteFiles.WrittenKey, true)]);
    }

    private static IEnumerable<Row> Rows(IExecutionContext context)
    {
        var site = SiteModelFactory.Create(context);
        var options = site.Options;
        var urls = new SiteUrls(options.BasePath, options.DefaultLanguage);
        var english = options.Languages.Contains("en");
        return site.Documents.Select(d => new Row(
            [
                d.Key,
                GenerateSiteFiles.Absolute(options, urls.Link(options.DefaultLanguage, d.Path)),
                english ? GenerateSiteFiles.Absolute(options, urls.Link("en", d.Path)) : null,
                d.Item.Title,
                d.Item.TitleEn,
                d.Item.Kind,
                d.Item.Topic,
                d.Item.Office,
                d.Office?.Name.In(options.DefaultLanguage),
                d.Office?.District.In(options.DefaultLanguage),
            ],
            d.Item.Year,
            [
                d.Item.Issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.Item.PublishedOrIssued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.Item.DocNumber,
                d.Item.Signer,
                d.Item.Addressee,
                d.Item.IndexNo,
                d.Item.Category,
                d.Item.Validity,
                d.Item.Summary,
                d.Item.SummaryEn,
            ],
            [.. d.Translations.Keys]));
    }

    /// <summary>The named values that are not null (open data leaves absent fields out).</summary>
    private static void WriteStrings(Utf8JsonWriter writer, string[] names, string?[] values)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (values[i] is { } value)
            {
                writer.WriteString(names[i], value);
            }
        }
    }

    /// <summary>One document's values, in the order of <see cref="Before"/>, the year, <see cref="After"/> and its translations.</summary>
    private sealed record Row(string?[] Before, int? Year, string?[] After, string[] Translations);
}
