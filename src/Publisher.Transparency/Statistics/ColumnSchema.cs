namespace Publisher.Transparency.Statistics;

/// <summary>A numeric column of a statistics table.</summary>
/// <param name="Key">A stable id, used in the HTML ids, CSV headers and JSON.</param>
/// <param name="Label">The column heading.</param>
/// <param name="Groups">The headings above this one, outermost first (empty for a one-level header).</param>
/// <param name="Kind">What values the column holds.</param>
public sealed record ColumnSchema(string Key, Label Label, IReadOnlyList<HeaderGroup> Groups, CellKind Kind = CellKind.Count);
