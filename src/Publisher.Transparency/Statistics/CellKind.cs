namespace Publisher.Transparency.Statistics;

/// <summary>The values a statistics cell may hold.</summary>
public enum CellKind
{
    /// <summary>A whole number, zero or more (件数, 数量).</summary>
    Count,

    /// <summary>An amount that may have decimals, zero or more (收费金额, 万元).</summary>
    Amount,

    /// <summary>A change from last year, a whole number that may be negative (本年增/减, older format only).</summary>
    Change,
}
