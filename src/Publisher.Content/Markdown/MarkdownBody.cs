using System.Collections.Immutable;
using Publisher.Core.IO;

namespace Publisher.Content.Markdown;

/// <summary>
/// A document's rendered body. The plain text (search, summaries) is always at hand; the HTML and headings are
/// made on first use when an earlier build already rendered the same source: an incremental build whose page
/// for the document is kept never renders its Markdown (rendering every body was the largest step of a build
/// with nothing changed). A body rendered in a build that has a <see cref="SpillFile"/> waits there for its page
/// and its search index: each is read once, and 10,000 bodies held to the end of the build were 68 MB.
/// </summary>
public sealed class MarkdownBody
{
    private readonly Lazy<RenderedMarkdown>? _rendered;
    private readonly ReadOnlyMemory<char> _plainTextSource;
    private readonly SpilledText? _spilledHtml;
    private readonly SpilledText? _spilledPlainText;
    private readonly ImmutableArray<Heading> _spilledHeadings;
    private string? _plainText;

    /// <summary>A body rendered now.</summary>
    public MarkdownBody(RenderedMarkdown rendered)
    {
        _rendered = new Lazy<RenderedMarkdown>(rendered);
        _plainText = rendered.PlainText;
    }

    /// <summary>
    /// A body rendered now whose HTML and plain text wait in <paramref name="spill"/>: each is read back, as a new
    /// string, whenever it is asked for (nothing is kept), so they must be asked for while the build runs.
    /// </summary>
    public MarkdownBody(RenderedMarkdown rendered, SpillFile spill)
    {
        _spilledHtml = spill.Write(rendered.Html);
        _spilledPlainText = spill.Write(rendered.PlainText);
        _spilledHeadings = rendered.Headings;
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

    /// <summary>Where the plain text of a body rendered into a spill file waits (for the build notes to keep it without writing it again).</summary>
    internal SpilledText? SpilledPlainText => _spilledPlainText;

    /// <summary>The safe HTML of the body.</summary>
    public string Html => _spilledHtml is { } html ? html.ToString() : _rendered!.Value.Html;

    /// <summary>The headings of the body, in order.</summary>
    public ImmutableArray<Heading> Headings => _rendered is null ? _spilledHeadings : _rendered.Value.Headings;

    /// <summary>The body without markup.</summary>
    public string PlainText => _spilledPlainText is { } text ? text.ToString() : _plainText ??= _plainTextSource.ToString();
}
