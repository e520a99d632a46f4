using System.Collections.Immutable;

namespace Publisher.Content.Markdown;

/// <summary>
/// A document's rendered body. The plain text (search, summaries) is always at hand; the HTML and headings are
/// made on first use when an earlier build already rendered the same source: an incremental build whose page
/// for the document is kept never renders its Markdown (rendering every body was the largest step of a build
/// with nothing changed).
/// </summary>
public sealed class MarkdownBody
{
    private readonly Lazy<RenderedMarkdown> _rendered;
    private readonly ReadOnlyMemory<char> _plainTextSource;
    private string? _plainText;

    /// <summary>A body rendered now.</summary>
    public MarkdownBody(RenderedMarkdown rendered)
    {
        _rendered = new Lazy<RenderedMarkdown>(rendered);
        _plainText = rendered.PlainText;
    }

    /// <summary>
    /// A body whose plain text is known (a string is made of it when first asked for: in a build with nothing
    /// changed no one asks) and whose HTML is rendered by <paramref name="render"/> when first asked for.
    /// </summary>
    public MarkdownBody(Func<RenderedMarkdown> render, ReadOnlyMemory<char> plainText)
    {
        _rendered = new Lazy<RenderedMarkdown>(render, LazyThreadSafetyMode.ExecutionAndPublication);
        _plainTextSource = plainText;
    }

    /// <summary>The safe HTML of the body.</summary>
    public string Html => _rendered.Value.Html;

    /// <summary>The headings of the body, in order.</summary>
    public ImmutableArray<Heading> Headings => _rendered.Value.Headings;

    /// <summary>The body without markup.</summary>
    public string PlainText => _plainText ??= _plainTextSource.ToString();
}
