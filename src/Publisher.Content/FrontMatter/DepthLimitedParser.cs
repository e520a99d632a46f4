using Publisher.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Publisher.Content.FrontMatter;

/// <summary>
/// Passes YamlDotNet's event stream through while counting how deeply collections nest, and stops at the first
/// collection deeper than front matter ever needs: the representation model recurses once per level, so 50,000
/// '[' must be an error before it is built, not a stack overflow. Counting on the events the model reads anyway
/// parses the YAML once instead of twice (a separate checking pass took 45% of front-matter parsing).
/// </summary>
/// <param name="inner">The parser of the front matter.</param>
/// <param name="file">The file, for the error.</param>
/// <param name="lineOffset">Lines before the front matter in the file.</param>
internal sealed class DepthLimitedParser(IParser inner, string file, int lineOffset) : IParser
{
    /// <summary>The deepest nesting allowed below the top-level mapping.</summary>
    public const int MaxDepth = 16;

    private int _depth;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case SequenceStart or MappingStart when ++_depth > MaxDepth + 1:
                var at = inner.Current.Start;
                throw new ContentException("PUB0115", new SourceSpan(file, (int)at.Line + lineOffset, (int)at.Column), $"the front matter is nested more than {MaxDepth} levels deep.", "Front-matter fields are flat; check the indentation and the brackets.");
            case SequenceEnd or MappingEnd:
                _depth--;
                break;
        }

        return true;
    }
}
