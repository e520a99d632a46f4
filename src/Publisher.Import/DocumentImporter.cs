using System.Globalization;
using System.Text.RegularExpressions;
using Publisher.Content.FrontMatter;
using Publisher.Content.Model;
using Publisher.Core.Diagnostics;
using Publisher.Import.Metadata;
using Publisher.Import.Repair;
using Publisher.Import.Structure;
using YamlDotNet.RepresentationModel;

namespace Publisher.Import;

/// <summary>
/// Turns the text of an office's document (extracted from PDF or Word, or pasted) into a Markdown file with front
/// matter: repairs the text, finds the metadata, rebuilds the heading hierarchy and says what it inferred or missed.
/// </summary>
public sealed partial class DocumentImporter
{
    private readonly OfficeMatcher _offices;

    /// <summary>Creates an importer that matches offices against <paramref name="offices"/>.</summary>
    public DocumentImporter(IReadOnlyList<Office> offices) => _offices = new OfficeMatcher(offices);

    /// <summary>Imports <paramref name="text"/>.</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="source">The file it came from, for messages.</param>
    /// <param name="officeId">The office id given by the user (--office), or null to guess it from the text.</param>
    public ImportResult Import(string text, string source, string? officeId = null) => Import(text, source, officeId, target: null);

    /// <summary>
    /// Re-imports <paramref name="text"/> over a file imported (and perhaps edited) before: the body and the fields
    /// the importer finds come from <paramref name="text"/>; every other field of <paramref name="existingMarkdown"/>
    /// (title_en, summary, attachments, comments…), and any importer field the source no longer yields (an
    /// editorial title or date), is kept as the editor wrote it. Updating twice from the same source changes nothing.
    /// </summary>
    /// <param name="text">The document's text.</param>
    /// <param name="source">The file it came from, for messages.</param>
    /// <param name="existingMarkdown">The current content of the target file.</param>
    /// <param name="target">The target file, for messages.</param>
    /// <param name="officeId">The office id given by the user (--office), or null.</param>
    public ImportResult Update(string text, string source, string existingMarkdown, string target, string? officeId = null) =>
        Import(text, source, officeId, (Normalise(existingMarkdown), target));

    private ImportResult Import(string text, string source, string? officeId, (string Markdown, string Path)? target)
    {
        var warnings = new List<ImportWarning>();
        text = Normalise(text);
        string? existingYaml = null;
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        string? targetYaml = null;
        if (target is { } t)
        {
            if (!t.Markdown.StartsWith("---\n", StringComparison.Ordinal))
            {
                throw new ContentException(
                    "PUB0412",
                    new SourceSpan(t.Path, 1, 1),
                    $"{t.Path} has no front matter, so --update cannot tell the editor's fields from the importer's.",
                    "Add the '---' front matter block, or move the file away and import without --update.");
            }

            var targetParts = FrontMatterSplitter.Split(t.Markdown, t.Path);
            targetYaml = targetParts.Yaml;
            ReadScalars(targetParts.Yaml, t.Path, targetParts.YamlLine, existing);
        }

        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var parts = FrontMatterSplitter.Split(text, source);
            existingYaml = parts.Yaml;
            ReadScalars(parts.Yaml, source, parts.YamlLine, existing);
            text = parts.Body;
        }

        var lines = PageDebrisRemover.Apply(text.Split('\n')).Select(line => CjkSpacing.Apply(LookAlikeFixer.Apply(line))).ToList();
        var fields = MetadataExtractor.Extract(lines);
        var isMarkdown = existingYaml is not null || lines.Any(line => line.StartsWith("## ", StringComparison.Ordinal));
        var blocks = BodyBuilder.Build(lines, isMarkdown);
        var body = string.Join("\n\n", blocks.Select(Render));

        var metadata = BuildMetadata(fields, existing, body, officeId, warnings);
        var yaml = targetYaml is not null
            ? FrontMatterWriter.Merge(metadata, targetYaml)
            : FrontMatterWriter.Write(metadata, existingYaml, existing.Keys);
        var markdown = "---\n" + yaml + "---\n\n" + body + "\n";
        var headings = blocks.Where(b => b.Level == 2).Select(b => HeadingClassifier.Numbering(b.Text)?.Text ?? b.Text).ToList();
        if (blocks.Count(b => b.IsHeading) == 0)
        {
            warnings.Add(new ImportWarning("PUB0409", "no headings found: check that the sections (一、 （一） 1、) survived the conversion."));
        }

        return new ImportResult { Metadata = metadata, Markdown = markdown, Headings = headings, Warnings = warnings, Slug = SlugFor(metadata) };
    }

    private static string Normalise(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF');

    private static void ReadScalars(string yaml, string path, int line, Dictionary<string, string> into)
    {
        foreach (var (key, value) in YamlDocumentReader.ReadMapping(yaml, path, line).Children)
        {
            into[((YamlScalarNode)key).Value ?? string.Empty] = value is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;
        }
    }

    private static string Render(Block block) =>
        block.IsHeading ? new string('#', block.Level) + " " + block.Text : MarkdownEscaper.EscapeParagraph(block.Text);

    private ImportMetadata BuildMetadata(ExtractedFields fields, Dictionary<string, string> existing, string body, string? officeId, List<ImportWarning> warnings)
    {
        var title = fields.Title ?? existing.GetValueOrDefault("title");
        if (title is null)
        {
            warnings.Add(new ImportWarning("PUB0402", "no title found: the field is left out. Add 'title:' to the front matter."));
        }

        var office = ResolveOffice(fields, existing, title, body, officeId, warnings);
        var issued = fields.Issued ?? ParseDate(existing.GetValueOrDefault("issued"));
        if (issued is null)
        {
            warnings.Add(new ImportWarning("PUB0403", "no 成文日期 (date under the signature) found: 'issued' is left out. Add it before building."));
        }

        var year = ResolveYear(title, existing, body, issued, warnings);
        if (fields.DocNumber is null && !existing.ContainsKey("doc_number"))
        {
            warnings.Add(new ImportWarning("PUB0406", "no 发文字号 found: 'doc_number' is left out."));
        }

        var kind = title is null ? "annual-report"
            : title.Contains("政府信息公开", StringComparison.Ordinal) && title.Contains("年度报告", StringComparison.Ordinal) ? "disclosure-annual-report"
            : title.Contains("通知", StringComparison.Ordinal) ? "notice"
            : "annual-report";
        return new ImportMetadata
        {
            Title = title,
            Office = office?.Id ?? existing.GetValueOrDefault("office"),
            OfficeName = fields.Letterhead ?? fields.Signature ?? office?.Name.In("zh-CN"),
            District = office?.District.In("zh-CN") ?? District(fields.Letterhead ?? fields.PrintOffice),
            Year = year,
            DocNumber = fields.DocNumber ?? existing.GetValueOrDefault("doc_number"),
            Signer = fields.Signer ?? existing.GetValueOrDefault("signer"),
            Addressee = fields.Addressee ?? existing.GetValueOrDefault("addressee"),
            Issued = issued,
            PrintOffice = fields.PrintOffice,
            PrintDate = fields.PrintDate,
            Copies = fields.Copies,
            Kind = existing.GetValueOrDefault("kind") ?? kind,
            Topic = existing.GetValueOrDefault("topic") ?? (title?.Contains("法治政府", StringComparison.Ordinal) == true ? "rule-of-law" : null),
        };
    }

    private Office? ResolveOffice(ExtractedFields fields, Dictionary<string, string> existing, string? title, string body, string? officeId, List<ImportWarning> warnings)
    {
        if (officeId is not null)
        {
            return _offices.ById(officeId);
        }

        if (existing.TryGetValue("office", out var existingId))
        {
            return _offices.ById(existingId);
        }

        foreach (var (text, where) in new[] { (fields.Letterhead, "the letterhead"), (fields.Signature, "the signature"), (title, "the title"), (fields.PrintOffice, "the 印发 line") })
        {
            if (_offices.Match(text) is { } office)
            {
                return office;
            }
        }

        if (_offices.MostMentioned(body) is { } mentioned)
        {
            warnings.Add(new ImportWarning("PUB0407", $"office inferred from the text, which names {mentioned.Name.In("zh-CN")} most often: check 'office: {mentioned.Id}'."));
            return mentioned;
        }

        warnings.Add(new ImportWarning("PUB0404", "the issuing office is not one of content/offices/*.yml: pass --office ID, or add the office's record first."));
        return null;
    }

    private static int? ResolveYear(string? title, Dictionary<string, string> existing, string body, DateOnly? issued, List<ImportWarning> warnings)
    {
        if (title is not null && Year().Match(title) is { Success: true } inTitle)
        {
            return int.Parse(inTitle.Groups["y"].Value, CultureInfo.InvariantCulture);
        }

        if (existing.TryGetValue("year", out var existingYear) && int.TryParse(existingYear, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        if (BodyYear().Match(body) is { Success: true } inBody)
        {
            var year = int.Parse(inBody.Groups["y"].Value, CultureInfo.InvariantCulture);
            warnings.Add(new ImportWarning("PUB0405", $"the year covered is not in a title; {year} is taken from the opening sentence: check 'year'."));
            return year;
        }

        if (issued is { } date)
        {
            warnings.Add(new ImportWarning("PUB0405", $"the year covered is not in the text; {date.Year} is the year of the 成文日期: check 'year'."));
            return date.Year;
        }

        warnings.Add(new ImportWarning("PUB0405", "the year the document covers was not found: 'year' is left out."));
        return null;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? District(string? text) =>
        text is not null && DistrictName().Match(text) is { Success: true } m ? m.Groups["d"].Value : null;

    private static string SlugFor(ImportMetadata metadata) => metadata switch
    {
        { Kind: "disclosure-annual-report" } => "information-disclosure-report",
        { Topic: "rule-of-law" } => "rule-of-law-report",
        { Kind: "notice" } => "notice",
        _ => "report",
    };

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*年")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})年度?[，,是]")]
    private static partial Regex BodyYear();

    [GeneratedRegex(@"(?:省|市)(?<d>\p{IsCJKUnifiedIdeographs}{1,4}?(?:区|县))")]
    private static partial Regex DistrictName();
}
