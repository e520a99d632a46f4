namespace Publisher.Content;

/// <summary>Metadata keys this project sets on documents.</summary>
public static class ContentKeys
{
    /// <summary>The parsed <see cref="Model.ContentItem"/> of a Markdown document.</summary>
    public const string Item = nameof(Item);

    /// <summary>The parsed <see cref="Model.Office"/> of an office record.</summary>
    public const string Office = nameof(Office);

    /// <summary>The rendered body (<see cref="Markdown.MarkdownBody"/>): sanitized HTML, headings and plain text.</summary>
    public const string Body = nameof(Body);

    /// <summary>The 1-based line of the source file where the body starts.</summary>
    public const string BodyLine = nameof(BodyLine);

    /// <summary>The path of a read file relative to the folder it was read from.</summary>
    public const string RelativePath = nameof(RelativePath);

    /// <summary>The content hash (<c>Core.Caching.ContentHash.Of</c>) of a read file's bytes, as read from disk.</summary>
    public const string SourceHash = nameof(SourceHash);

    /// <summary>
    /// A hash of a Markdown source's front matter (the YAML between the fences): what a list that shows only front
    /// matter fields (a disclosure catalogue) depends on, so a body edit need not make it again.
    /// </summary>
    public const string FrontMatterHash = nameof(FrontMatterHash);
}
