namespace Publisher.Site.Rendering;

/// <summary>One line of the official metadata list.</summary>
/// <param name="Label">The field's name in the page's language (发文字号 / Document number).</param>
/// <param name="Value">The value as shown.</param>
/// <param name="ValueLanguage">The value's language when it differs from the page's, else null.</param>
/// <param name="DateTime">The yyyy-mm-dd form for a date value, else null.</param>
public sealed record MetadataRow(string Label, string Value, string? ValueLanguage = null, string? DateTime = null);
