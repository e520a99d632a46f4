using System.Globalization;
using System.Text;
using Publisher.Testing;

namespace Publisher.Safety.Tests;

/// <summary>The sample site plus many generated reports, for tests that need a build that takes a while.</summary>
public static class GeneratedSite
{
    private static readonly string[] Offices = ["ganquan-road", "shiquan-road", "caoyang-xincun", "zhangmiao", "yuepu"];

    public static string Create(TempDirectory temp, int documents)
    {
        var config = SampleSite.CopyTo(temp);
        for (var i = 0; i < documents; i++)
        {
            var office = Offices[i % Offices.Length];
            var year = 2015 + (i % 8);
            var slug = string.Create(CultureInfo.InvariantCulture, $"generated-{i:D5}");
            var body = new StringBuilder();
            for (var section = 1; section <= 6; section++)
            {
                body.Append(CultureInfo.InvariantCulture, $"## {section}、第{section}部分\n\n");
                for (var paragraph = 0; paragraph < 4; paragraph++)
                {
                    body.Append(CultureInfo.InvariantCulture, $"第{i}号报告第{section}节第{paragraph}段：街道深入推进依法行政，完善重大行政决策程序，加强行政执法监督，提升基层治理法治化水平。\n\n");
                }
            }

            temp.Write(
                $"content/{office}/{year}/{slug}.md",
                string.Create(CultureInfo.InvariantCulture, $"---\ntitle: {year}年度第{i}号法治政府建设情况报告\ntitle_en: Report {i} for {year}\nkind: annual-report\noffice: {office}\nyear: {year}\nissued: {year}-12-{1 + (i % 28):D2}\nsummary: 第{i}号报告摘要，含<特殊>字符 & \"引号\"。\n---\n{body}"));
        }

        return config;
    }
}
