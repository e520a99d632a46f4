using Publisher.Transparency.Statistics;

namespace Publisher.Transparency.Data;

/// <summary>One office's statistics for one year, with what is needed to cite it.</summary>
/// <param name="OfficeId">The office's id.</param>
/// <param name="OfficeName">The office's name (zh-CN and English).</param>
/// <param name="Year">The year the report covers.</param>
/// <param name="DocumentUrl">The absolute address of the report.</param>
/// <param name="Statistics">The figures.</param>
public sealed record ReportFigures(string OfficeId, Label OfficeName, int Year, string DocumentUrl, AnnualStatistics Statistics);
