namespace Publisher.Transparency.Import;

/// <summary>A run of lines of a text, 1-based and inclusive.</summary>
/// <param name="FirstLine">The first line.</param>
/// <param name="LastLine">The last line.</param>
public sealed record TextRange(int FirstLine, int LastLine);
