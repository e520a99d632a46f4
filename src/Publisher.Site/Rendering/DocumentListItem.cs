namespace Publisher.Site.Rendering;

/// <summary>A document as one line of a list.</summary>
/// <param name="Title">The title in the page's language when there is one.</param>
/// <param name="TitleLanguage">The title's language when it differs from the page's, else null.</param>
/// <param name="Href">The document's address in the page's language.</param>
/// <param name="OfficeName">The issuing office's short name.</param>
/// <param name="Date">The publication date.</param>
/// <param name="Year">The year covered.</param>
/// <param name="DocNumber">发文字号, if any.</param>
public sealed record DocumentListItem(string Title, string? TitleLanguage, string Href, string OfficeName, DateOnly? Date, int? Year, string? DocNumber);
