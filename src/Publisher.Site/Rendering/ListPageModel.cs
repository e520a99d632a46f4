using Publisher.Site.Model;

namespace Publisher.Site.Rendering;

/// <summary>A page that lists documents; turns documents into list lines in the page's language.</summary>
public abstract class ListPageModel : PageModel
{
    /// <summary>One list line for a document.</summary>
    public DocumentListItem Item(SiteDocument document)
    {
        var (title, titleLanguage) = document.TitleIn(Language, Site.Options.DefaultLanguage);
        return new DocumentListItem(
            title,
            titleLanguage == Language ? null : titleLanguage,
            Link(document.Path),
            document.Office?.ShortName.In(Language) ?? string.Empty,
            document.Item.PublishedOrIssued,
            document.Item.Year,
            document.Item.DocNumber);
    }

    /// <summary>List lines for documents.</summary>
    public IReadOnlyList<DocumentListItem> Items(IEnumerable<SiteDocument> documents) => [.. documents.Select(Item)];
}
