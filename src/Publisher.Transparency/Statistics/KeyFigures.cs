namespace Publisher.Transparency.Statistics;

/// <summary>The figures compared across offices and years.</summary>
/// <param name="Received">一、本年新收政府信息公开申请数量 (total column).</param>
/// <param name="DisclosedInFull">三（一）予以公开 (total column).</param>
/// <param name="Reconsiderations">行政复议 cases (total).</param>
/// <param name="Lawsuits">行政诉讼 cases, with and without reconsideration first (total).</param>
public sealed record KeyFigures(decimal Received, decimal DisclosedInFull, decimal Reconsiderations, decimal Lawsuits)
{
    /// <summary>The figures with their stable keys, in display order.</summary>
    public IReadOnlyList<(string Key, decimal Value)> All =>
        [("received", Received), ("disclosed_in_full", DisclosedInFull), ("reconsiderations", Reconsiderations), ("lawsuits", Lawsuits)];

    /// <summary>The labels of <see cref="All"/>, by key.</summary>
    public static readonly IReadOnlyDictionary<string, Label> Labels = new Dictionary<string, Label>
    {
        ["received"] = new("新收申请", "Requests received"),
        ["disclosed_in_full"] = new("予以公开", "Disclosed in full"),
        ["reconsiderations"] = new("行政复议", "Reconsiderations"),
        ["lawsuits"] = new("行政诉讼", "Lawsuits"),
    };
}
