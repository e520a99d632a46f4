namespace Publisher.Site.Rendering;

/// <summary>A labelled link, for breadcrumbs and navigation.</summary>
/// <param name="Text">The visible text.</param>
/// <param name="Href">The address.</param>
/// <param name="Language">The language of <paramref name="Text"/> when it differs from the page's, else null.</param>
public sealed record Link(string Text, string Href, string? Language = null);
