namespace Publisher.Transparency;

/// <summary>Metadata keys this project sets on documents.</summary>
public static class TransparencyKeys
{
    /// <summary>The validated <see cref="Statistics.AnnualStatistics"/> of a disclosure annual report.</summary>
    public const string Statistics = "Transparency.Statistics";
}
