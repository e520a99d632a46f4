using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Publisher.Site.Rendering;

/// <summary>
/// The machine-readable description of a page for its <c>&lt;head&gt;</c>: OpenGraph properties and a JSON-LD
/// block (schema.org GovernmentOrganization for an office, Report or DigitalDocument for a document).
/// </summary>
public static class HeadMetadata
{
    // JavaScriptEncoder always escapes <, > and & (as \u003C...), so "</script>" or "<!--" in a title cannot end
    // the data block early; every other character stays readable UTF-8.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>OpenGraph <c>property</c>/<c>content</c> pairs, in a stable order; empty for error pages.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> OpenGraph(PageModel page)
    {
        if (page.IsErrorPage)
        {
            return [];
        }

        var properties = new List<KeyValuePair<string, string>>
        {
            new("og:type", page is DocumentPageModel { Document.IsStandalonePage: false } ? "article" : "website"),
            new("og:title", page.Title),
            new("og:url", page.CanonicalUrl),
            new("og:site_name", page.SiteTitle),
            new("og:locale", Locale(page.Language)),
        };
        properties.AddRange(page.Site.Options.Languages.Where(l => l != page.Language).Select(l => new KeyValuePair<string, string>("og:locale:alternate", Locale(l))));
        if (page.Description is { } description)
        {
            properties.Add(new("og:description", description));
        }

        return properties;
    }

    /// <summary>The JSON-LD text for the page, safe to place inside a <c>script</c> data block; null when there is none.</summary>
    public static string? JsonLd(PageModel page)
    {
        var node = page switch
        {
            { IsErrorPage: true } => null,
            OfficePageModel office => Organization(office, office.Office, page.CanonicalUrl),
            DocumentPageModel { Document.IsStandalonePage: false } document => Document(document),
            HomePageModel => new JsonObject
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "WebSite",
                ["name"] = page.SiteTitle,
                ["url"] = page.CanonicalUrl,
                ["inLanguage"] = page.Language,
            },
            _ => null,
        };
        return node?.ToJsonString(Json);
    }

    private static JsonObject Organization(PageModel page, Content.Model.Office office, string? url)
    {
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "GovernmentOrganization",
            ["name"] = office.Name.In(page.Language),
            ["alternateName"] = office.ShortName.In(page.Language),
            ["areaServed"] = office.District.In(page.Language),
        };
        if (url is not null)
        {
            node["url"] = url;
        }

        if (office.Website is { } website)
        {
            node["sameAs"] = website;
        }

        return node;
    }

    private static JsonObject Document(DocumentPageModel page)
    {
        var item = page.Document.Item;
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = item.Kind is "annual-report" or "disclosure-annual-report" ? "Report" : "DigitalDocument",
            ["name"] = page.Title,
            ["url"] = page.CanonicalUrl,
            ["inLanguage"] = page.Version is null ? page.Site.Options.DefaultLanguage : page.Language,
        };
        if (item.Issued is { } issued)
        {
            node["dateCreated"] = PageModel.IsoDate(issued);
        }

        if (item.PublishedOrIssued is { } published)
        {
            node["datePublished"] = PageModel.IsoDate(published);
        }

        if (item.DocNumber is { } number)
        {
            node[node["@type"]!.GetValue<string>() == "Report" ? "reportNumber" : "identifier"] = number;
        }

        if (page.Description is { } description)
        {
            node["description"] = description;
        }

        if (item.Year is { } year)
        {
            node["temporalCoverage"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (page.Document.Office is { } office)
        {
            var publisher = Organization(page, office, null);
            publisher.Remove("@context");
            node["publisher"] = publisher;
        }

        return node;
    }

    private static string Locale(string language) => language switch
    {
        "zh-CN" => "zh_CN",
        "en" => "en_GB",
        _ => language.Replace('-', '_'),
    };
}
