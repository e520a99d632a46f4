namespace Publisher.Import.Structure;

/// <summary>A block of the body: a heading (level 2–6) or a paragraph (level 0).</summary>
/// <param name="Level">The Markdown heading level, or 0 for a paragraph.</param>
/// <param name="Text">The text, without Markdown marks.</param>
internal sealed record Block(int Level, string Text)
{
    /// <summary>True for a heading.</summary>
    public bool IsHeading => Level > 0;
}
