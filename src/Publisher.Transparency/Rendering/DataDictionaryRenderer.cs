using System.Text;
using Publisher.Transparency.Statistics;

namespace Publisher.Transparency.Rendering;

/// <summary>
/// The codes of the open data, format by format: each table's rows (with the printed heading) and columns, as
/// they appear in the <c>statistics:</c> block, the CSV's <c>table</c>/<c>row</c>/<c>column</c> fields and the JSON.
/// </summary>
public static class DataDictionaryRenderer
{
    /// <summary>One section per format, each with a table of row codes and a list of column codes per block.</summary>
    /// <param name="language">The page language.</param>
    /// <param name="headingLevel">The level of the per-format headings (2 to 5).</param>
    public static string Render(string language, int headingLevel = 3)
    {
        var zh = language.StartsWith("zh", StringComparison.Ordinal);
        var html = new StringBuilder();
        foreach (var schema in StatisticsSchema.All)
        {
            var id = $"codes-{schema.Key}";
            html.Append("<h").Append(headingLevel).Append(" id=\"").Append(id).Append("\"><code>").Append(schema.Key).Append("</code> ")
                .Append(Html.E(schema.Name.In(language))).Append("</h").Append(headingLevel).Append(">\n");
            html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"").Append(id).Append("-caption\">\n<table>\n<caption id=\"")
                .Append(id).Append("-caption\">").Append(Html.E(zh ? $"{schema.Key} 的表、行与列代码" : $"Table, row and column codes of {schema.Key}")).Append("</caption>\n");
            html.Append("<thead><tr><th scope=\"col\">").Append(zh ? "表" : "Table").Append("</th><th scope=\"col\">").Append(zh ? "行代码" : "Row code")
                .Append("</th><th scope=\"col\">").Append(zh ? "行名称" : "Row heading").Append("</th><th scope=\"col\">").Append(zh ? "列代码（按顺序）" : "Column codes, in order").Append("</th></tr></thead>\n<tbody>\n");
            foreach (var table in schema.Tables)
            {
                foreach (var (block, row) in table.Rows)
                {
                    html.Append("<tr><td><code>").Append(table.Key).Append("</code></td><th scope=\"row\"><code>").Append(row.Key).Append("</code></th><td lang=\"zh-CN\">")
                        .Append(Html.E(row.Label.Zh)).Append("</td><td>").Append(string.Join(", ", block.Columns.Select(c => $"<code>{c.Key}</code> <span lang=\"zh-CN\">{Html.E(c.Label.Zh)}</span>")))
                        .Append("</td></tr>\n");
                }
            }

            html.Append("</tbody>\n</table>\n</div>\n");
        }

        return html.ToString();
    }
}
