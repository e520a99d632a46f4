namespace Publisher.Transparency.Statistics;

/// <summary>
/// A table of the annual report (二, 三 or 四): the key of its mapping under <c>statistics:</c>, its title, and
/// the blocks it is shown as (table 二 has four blocks with different columns; the others one).
/// </summary>
/// <param name="Key">The YAML key: proactive, requests or appeals.</param>
/// <param name="Title">The section title with its numeral.</param>
/// <param name="Blocks">The blocks, in order.</param>
public sealed record TableSchema(string Key, Label Title, IReadOnlyList<BlockSchema> Blocks)
{
    /// <summary>Every row of every block, in order.</summary>
    public IEnumerable<(BlockSchema Block, RowSchema Row)> Rows => Blocks.SelectMany(b => b.Rows.Select(r => (b, r)));
}
