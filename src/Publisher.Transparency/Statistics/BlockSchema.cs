namespace Publisher.Transparency.Statistics;

/// <summary>One HTML table of a statistics table: columns, rows and a caption.</summary>
/// <param name="Key">A stable id, unique within the format.</param>
/// <param name="Caption">The table's caption.</param>
/// <param name="Corner">The heading of the row-heading column.</param>
/// <param name="Columns">The numeric columns, left to right.</param>
/// <param name="Rows">The rows, top to bottom.</param>
public sealed record BlockSchema(string Key, Label Caption, Label Corner, IReadOnlyList<ColumnSchema> Columns, IReadOnlyList<RowSchema> Rows);
