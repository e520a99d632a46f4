using System.Collections.Immutable;

namespace Publisher.Content.Markdown;

/// <summary>The result of rendering a Markdown body.</summary>
/// <param name="Html">Safe HTML: raw HTML from the source has passed the allowlist.</param>
/// <param name="Headings">The headings, in order.</param>
/// <param name="PlainText">The text without markup, for search and summaries.</param>
public sealed record RenderedMarkdown(string Html, ImmutableArray<Heading> Headings, string PlainText);
