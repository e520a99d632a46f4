using System.Collections.Immutable;
using Publisher.Content.Model;
using Publisher.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Publisher.Content.FrontMatter;

/// <summary>Reads an office record, <c>content/offices/&lt;id&gt;.yml</c>.</summary>
public static class OfficeParser
{
    /// <summary>The kinds of office.</summary>
    public static readonly IReadOnlyCollection<string> Kinds = ["subdistrict", "town", "district", "department"];

    private static readonly IReadOnlyCollection<string> KnownFields = ["id", "name", "short_name", "district", "kind", "parent", "website"];

    /// <summary>Parses the record; returns null (with errors) when it cannot be used.</summary>
    public static Office? Parse(YamlMappingNode mapping, string source, IReadOnlyCollection<string> languages, ICollection<Diagnostic> diagnostics)
    {
        var fields = new FieldReader(mapping, source, 1);
        fields.WarnUnknownKeys(KnownFields);
        var expectedId = Path.GetFileNameWithoutExtension(source);
        var id = fields.String("id", required: true);
        if (id is not null && id != expectedId)
        {
            fields.ErrorAt("id", "PUB0140", $"the office id '{id}' does not match the file name '{expectedId}'.", $"Rename the file to {id}.yml or set id: {expectedId}.");
        }

        var name = fields.Localized("name", languages, required: true);
        var shortName = fields.Localized("short_name", languages);
        var district = fields.Localized("district", languages, required: true);
        var kind = fields.Choice("kind", Kinds, required: true);
        var website = fields.String("website");
        if (website is not null && !(Uri.TryCreate(website, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            // Templates may link it; a javascript: or data: address there would run script.
            fields.ErrorAt("website", "PUB0904", $"'website' must be a web address starting with https:// or http://, not '{website}'.", "Write the office's home page, e.g. website: https://www.shpt.gov.cn/");
        }

        var office = new Office
        {
            Id = expectedId,
            Name = new LocalizedText(name ?? ImmutableSortedDictionary<string, string>.Empty),
            ShortName = new LocalizedText(shortName ?? name ?? ImmutableSortedDictionary<string, string>.Empty),
            District = new LocalizedText(district ?? ImmutableSortedDictionary<string, string>.Empty),
            Kind = kind ?? string.Empty,
            Parent = fields.String("parent"),
            Website = website,
            Source = source,
        };

        foreach (var diagnostic in fields.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return fields.HasErrors ? null : office;
    }
}
