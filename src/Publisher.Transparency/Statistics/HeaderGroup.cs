namespace Publisher.Transparency.Statistics;

/// <summary>A heading that spans several columns or rows (法人或其他组织, 行政诉讼, 三、本年度办理结果).</summary>
/// <param name="Key">A stable id, unique within its table.</param>
/// <param name="Label">The heading.</param>
public sealed record HeaderGroup(string Key, Label Label);
