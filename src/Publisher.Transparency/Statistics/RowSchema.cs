namespace Publisher.Transparency.Statistics;

/// <summary>A row of a statistics block: its YAML key, its heading and the groups it sits under.</summary>
/// <param name="Key">The key of the row in the <c>statistics:</c> YAML.</param>
/// <param name="Label">The row heading, with its official numbering (（一）予以公开).</param>
/// <param name="Groups">The row headings above this one, outermost first.</param>
public sealed record RowSchema(string Key, Label Label, IReadOnlyList<HeaderGroup> Groups);
