using System.Collections.Immutable;
using Publisher.Core.Diagnostics;

namespace Publisher.Transparency.Statistics;

/// <summary>The validated figures of one 政府信息公开工作年度报告.</summary>
public sealed record AnnualStatistics
{
    /// <summary>The format the figures follow.</summary>
    public required StatisticsSchema Schema { get; init; }

    /// <summary>True when the figures are invented for a demonstration (<c>sample: true</c>).</summary>
    public bool IsSample { get; init; }

    /// <summary>The cells of each row, by <c>table.row</c> key (<c>requests.new</c>), in the schema's column order.</summary>
    public required ImmutableSortedDictionary<string, ImmutableArray<decimal>> Rows { get; init; }

    /// <summary>Where the <c>statistics:</c> block is.</summary>
    public SourceSpan Location { get; init; }

    /// <summary>The cells of a row.</summary>
    public ImmutableArray<decimal> Row(string table, string row) => Rows[$"{table}.{row}"];

    /// <summary>The value of a row's total column (or its only column).</summary>
    public decimal Total(string table, string row) => Row(table, row)[^1];

    /// <summary>The headline figures compared across offices and years.</summary>
    public KeyFigures KeyFigures => new(
        Total(StatisticsSchema.Requests, "new"),
        Total(StatisticsSchema.Requests, "disclosed"),
        Total(StatisticsSchema.Appeals, "reconsideration"),
        Total(StatisticsSchema.Appeals, "litigation_direct") + Total(StatisticsSchema.Appeals, "litigation_after_reconsideration"));
}
