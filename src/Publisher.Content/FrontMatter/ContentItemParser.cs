using Publisher.Content.Model;
using Publisher.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Publisher.Content.FrontMatter;

/// <summary>Turns a document's front matter into a validated <see cref="ContentItem"/>.</summary>
public static class ContentItemParser
{
    /// <summary>The kinds of document the portal knows.</summary>
    public static readonly IReadOnlyCollection<string> Kinds =
        ["annual-report", "disclosure-annual-report", "disclosure", "notice", "page"];

    /// <summary>Every field a document's front matter may have.</summary>
    public static readonly IReadOnlyCollection<string> KnownFields =
    [
        "title", "title_en", "kind", "topic", "office", "year", "issued", "published", "doc_number", "signer",
        "addressee", "print_office", "print_date", "copies", "summary", "summary_en", "attachments", "index_no",
        "category", "validity", "statistics", "aliases",
    ];

    /// <summary>Fields a translation file may have; everything else comes from the original.</summary>
    public static readonly IReadOnlyCollection<string> TranslationFields = ["title", "summary"];

    /// <summary>Reads the fields; returns null (with errors) when the document cannot be used.</summary>
    /// <param name="mapping">The front matter.</param>
    /// <param name="location">Where the document lives.</param>
    /// <param name="yamlLine">The file line where the YAML starts.</param>
    /// <param name="diagnostics">Receives every problem found.</param>
    public static ContentItem? Parse(YamlMappingNode mapping, ContentLocation location, int yamlLine, ICollection<Diagnostic> diagnostics)
    {
        var fields = new FieldReader(mapping, location.Source, yamlLine);
        var item = location.IsTranslation ? ReadTranslation(fields, location) : ReadOriginal(fields, location);
        foreach (var diagnostic in fields.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return fields.HasErrors || item is null ? null : item with { FieldLocations = fields.Locations };
    }

    private static ContentItem? ReadTranslation(FieldReader fields, ContentLocation location)
    {
        fields.WarnUnknownKeys(TranslationFields);
        var title = fields.String("title", required: true);
        return title is null ? null : new ContentItem
        {
            Source = location.Source,
            Language = location.Language,
            Key = location.Key,
            Title = title,
            Summary = fields.String("summary"),
            IsTranslation = true,
        };
    }

    private static ContentItem? ReadOriginal(FieldReader fields, ContentLocation location)
    {
        fields.WarnUnknownKeys(KnownFields);
        var isPage = location.IsStandalonePage;
        var title = fields.String("title", required: true);
        var kind = fields.Choice("kind", Kinds, required: true);
        var office = fields.String("office", required: !isPage);
        var year = fields.Integer("year", 1949, 2100, required: !isPage);
        var issued = fields.Date("issued", required: !isPage);
        var item = new ContentItem
        {
            Source = location.Source,
            Language = location.Language,
            Key = location.Key,
            Title = title ?? string.Empty,
            TitleEn = fields.String("title_en"),
            Kind = kind ?? "page",
            Topic = fields.String("topic"),
            Office = office,
            Year = year,
            Issued = issued,
            Published = fields.Date("published"),
            DocNumber = fields.String("doc_number"),
            Signer = fields.String("signer"),
            Addressee = fields.String("addressee"),
            PrintOffice = fields.String("print_office"),
            PrintDate = fields.Date("print_date"),
            Copies = fields.Integer("copies", 0, 100_000),
            Summary = fields.String("summary"),
            SummaryEn = fields.String("summary_en"),
            IndexNo = fields.String("index_no"),
            Category = fields.String("category"),
            Validity = fields.String("validity"),
            Attachments = fields.List("attachments", ReadAttachment),
            Aliases = fields.Strings("aliases", "PUB1121", AliasProblem, "Write the old address relative to the site, e.g. aliases: [ganquan-road/2021/old-slug/]"),
        };

        CheckAgainstLocation(fields, location, item);
        return item;
    }

    private static Attachment? ReadAttachment(FieldReader fields)
    {
        fields.WarnUnknownKeys(["file", "title"]);
        var file = fields.String("file", required: true);
        var title = fields.String("title", required: true);
        if (file is not null && Core.IO.OutputPath.Problem(file) is { } problem)
        {
            fields.ErrorAt("file", "PUB0131", $"attachment path '{file}' is not allowed: {problem}.", "Name a file in the document's own folder, e.g. file: report.pdf");
            return null;
        }

        return file is null || title is null ? null : new Attachment(file, title, fields.LocationOf("file"));
    }

    /// <summary>Why an alias cannot be an output path, or null; a leading '/' is allowed and ignored.</summary>
    private static string? AliasProblem(string alias)
    {
        var path = alias.TrimStart('/');
        if (path.Contains('?') || path.Contains('#') || path.Contains("://", StringComparison.Ordinal))
        {
            return "it must be a path on this site, without '?', '#' or a host";
        }

        return path.Length == 0 ? "it names the home page" : Core.IO.OutputPath.Problem(path);
    }

    private static void CheckAgainstLocation(FieldReader fields, ContentLocation location, ContentItem item)
    {
        // A folder that disagrees with `office:` is checked after the office list is known (ValidateDocuments),
        // so that a misspelt office gets the more helpful "did you mean" message.
        if (location.YearFolder is { } yearFolder && item.Year is { } year && yearFolder != year)
        {
            fields.ErrorAt("year", "PUB0133", $"the file is in folder '{yearFolder}' but says year {year}.", $"Move the file to the {year} folder or set year: {yearFolder}.");
        }
    }
}
