namespace Publisher.Site.Rendering;

/// <summary>The same page in another language, for the language switch and <c>hreflang</c> links.</summary>
/// <param name="Language">The language code (zh-CN, en).</param>
/// <param name="Href">The page's address in that language.</param>
/// <param name="AbsoluteUrl">The absolute address, for <c>link rel="alternate"</c>.</param>
/// <param name="Label">The language's name in itself (中文, English).</param>
/// <param name="IsCurrent">True for the page's own language.</param>
public sealed record AlternateLink(string Language, string Href, string AbsoluteUrl, string Label, bool IsCurrent);
