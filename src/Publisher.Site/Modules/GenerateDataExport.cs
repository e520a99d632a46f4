using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Modules;
using Publisher.Site.Model;

namespace Publisher.Site.Modules;

/// <summary>
/// Writes <c>data/documents.json</c>, every document's metadata as open data, through System.Text.Json (so no
/// content can break out of it), and passes its inputs through.
/// </summary>
public sealed class GenerateDataExport : IModule
{
    private const string Destination = "data/documents.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static object DataExport(SiteModel site, SiteUrls urls) => new
    {
        Generator = "Publisher",
        Documents = site.Documents.Select(d => new
        {
            d.Key,
            Url = GenerateSiteFiles.Absolute(site.Options, urls.Link(site.Options.DefaultLanguage, d.Path)),
            UrlEn = site.Options.Languages.Contains("en") ? GenerateSiteFiles.Absolute(site.Options, urls.Link("en", d.Path)) : null,
            d.Item.Title,
            d.Item.TitleEn,
            d.Item.Kind,
            d.Item.Topic,
            d.Item.Office,
            OfficeName = d.Office?.Name.In(site.Options.DefaultLanguage),
            District = d.Office?.District.In(site.Options.DefaultLanguage),
            d.Item.Year,
            Issued = d.Item.Issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Published = d.Item.PublishedOrIssued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            d.Item.DocNumber,
            d.Item.Signer,
            d.Item.Addressee,
            d.Item.IndexNo,
            d.Item.Category,
            d.Item.Validity,
            d.Item.Summary,
            d.Item.SummaryEn,
            Translations = d.Translations.Keys.ToArray(),
        }),
    };

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var site = SiteModelFactory.Create(context);
        var urls = new SiteUrls(site.Options.BasePath, site.Options.DefaultLanguage);

        // Serialised straight to UTF-8 and written (marked written, as the search index does): as a string it was
        // made three times over (JSON, the line break added, the encoded bytes), 40 MB at 10,000 documents.
        var json = new ArrayBufferWriter<byte>(1 << 16);
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = true, Encoder = Json.Encoder }))
        {
            JsonSerializer.Serialize(writer, DataExport(site, urls), Json);
        }

        json.Write("\n"u8);
        OutputFiles.Write(context, Destination, json.WrittenSpan);
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, new Document { Destination = Destination }.WithMetadata(WriteFiles.WrittenKey, true)]);
    }
}
