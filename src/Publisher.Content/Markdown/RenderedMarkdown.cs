using System.Collections.Immutable;

namespace Publisher.Content.Markdown;

/// <summary>The result of rendering a Markdown body.</summary>
/// <param name="Html">Safe HTML: raw HTML from the source has passed the allowlist.</param>
/// <param name="Headings">The headings, in order.</param>
/// <param name="PlainText">The text without markup, for search and summaries.</param>
public sealed record RenderedMarkdown(string Html, ImmutableArray<Heading> Headings, string PlainText)
{
    /// <summary>What the allowlist removed (e.g. <c>&lt;script&gt;</c>, <c>onerror=</c>), in order; empty when nothing.</summary>
    public ImmutableArray<string> Removed { get; init; } = [];

    /// <summary>The 0-based line and column in the body of the first raw HTML or unusual link, when <see cref="Removed"/> is not empty.</summary>
    public (int Line, int Column) RemovedAt { get; init; }
}
