using System.Text;
using Publisher.Transparency.Statistics;

namespace Publisher.Transparency.Rendering;

/// <summary>
/// Renders the statistics as accessible HTML tables: a caption on each, and <c>id</c>/<c>headers</c> on every
/// cell so that a screen reader announces the whole header path of a multi-level table (申请人情况 → 法人或其他组织
/// → 商业企业; 三、本年度办理结果 → （三）不予公开 → 1.属于国家秘密), not only the nearest header. Each table sits in a
/// labelled, keyboard-scrollable region so that it reflows at 320 px.
/// </summary>
public static class StatisticsTableRenderer
{
    /// <summary>The HTML of tables 二, 三 and 四, each under an <c>h3</c>.</summary>
    /// <param name="statistics">The figures.</param>
    /// <param name="language">The page language (labels are Chinese on Chinese pages, English otherwise).</param>
    /// <param name="idPrefix">A prefix that keeps the ids unique on the page.</param>
    public static string Render(AnnualStatistics statistics, string language, string idPrefix = "stats")
    {
        var html = new StringBuilder();
        foreach (var table in statistics.Schema.Tables)
        {
            html.Append("<h3 id=\"").Append(idPrefix).Append('-').Append(table.Key).Append("\">").Append(Html.E(table.Title.In(language))).Append("</h3>\n");
            foreach (var block in table.Blocks)
            {
                RenderBlock(html, statistics, table, block, language, $"{idPrefix}-{block.Key}");
            }
        }

        return html.ToString();
    }

    private static void RenderBlock(StringBuilder html, AnnualStatistics statistics, TableSchema table, BlockSchema block, string language, string prefix)
    {
        var captionId = $"{prefix}-caption";
        html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"").Append(captionId).Append("\">\n");
        html.Append("<table class=\"statistics-table\">\n<caption id=\"").Append(captionId).Append("\">").Append(Html.E(block.Caption.In(language))).Append("</caption>\n");
        RenderHead(html, block, language, prefix);
        html.Append("<tbody>\n");
        IReadOnlyList<HeaderGroup> open = [];
        foreach (var row in block.Rows)
        {
            var common = open.Zip(row.Groups).TakeWhile(p => p.First.Key == p.Second.Key).Count();
            for (var level = common; level < row.Groups.Count; level++)
            {
                var group = row.Groups[level];
                html.Append("<tr class=\"statistics-group level-").Append(level).Append("\"><th id=\"").Append(prefix).Append("-g-").Append(group.Key).Append('"');
                AppendHeaders(html, prefix, "g", row.Groups.Take(level).Select(g => g.Key));
                html.Append(" colspan=\"").Append(block.Columns.Count + 1).Append("\">").Append(Html.E(group.Label.In(language))).Append("</th></tr>\n");
            }

            open = row.Groups;
            var rowId = $"{prefix}-r-{row.Key}";
            html.Append("<tr><th id=\"").Append(rowId).Append("\" class=\"level-").Append(row.Groups.Count).Append('"');
            AppendHeaders(html, prefix, "g", row.Groups.Select(g => g.Key));
            html.Append('>').Append(Html.E(row.Label.In(language))).Append("</th>");
            var cells = statistics.Row(table.Key, row.Key);
            for (var i = 0; i < block.Columns.Count; i++)
            {
                var column = block.Columns[i];
                var headers = column.Groups.Select(g => $"{prefix}-g-{g.Key}")
                    .Append($"{prefix}-c-{column.Key}")
                    .Concat(row.Groups.Select(g => $"{prefix}-g-{g.Key}"))
                    .Append(rowId);
                html.Append("<td headers=\"").Append(string.Join(' ', headers)).Append("\">").Append(Html.N(cells[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void RenderHead(StringBuilder html, BlockSchema block, string language, string prefix)
    {
        var depth = block.Columns.Max(c => c.Groups.Count) + 1;
        html.Append("<thead>\n");
        for (var level = 0; level < depth; level++)
        {
            html.Append("<tr>");
            if (level == 0)
            {
                html.Append("<td class=\"statistics-corner\"");
                if (depth > 1)
                {
                    html.Append(" rowspan=\"").Append(depth).Append('"');
                }

                html.Append('>').Append(Html.E(block.Corner.In(language))).Append("</td>");
            }

            for (var i = 0; i < block.Columns.Count; i++)
            {
                var column = block.Columns[i];
                if (level < column.Groups.Count)
                {
                    var group = column.Groups[level];
                    var previous = i > 0 && block.Columns[i - 1].Groups.Count > level && block.Columns[i - 1].Groups[level].Key == group.Key;
                    if (previous)
                    {
                        continue;
                    }

                    var span = block.Columns.Skip(i).TakeWhile(c => c.Groups.Count > level && c.Groups[level].Key == group.Key).Count();
                    html.Append("<th id=\"").Append(prefix).Append("-g-").Append(group.Key).Append('"');
                    AppendHeaders(html, prefix, "g", column.Groups.Take(level).Select(g => g.Key));
                    html.Append(" colspan=\"").Append(span).Append("\" scope=\"colgroup\">").Append(Html.E(group.Label.In(language))).Append("</th>");
                }
                else if (level == column.Groups.Count)
                {
                    html.Append("<th id=\"").Append(prefix).Append("-c-").Append(column.Key).Append('"');
                    AppendHeaders(html, prefix, "g", column.Groups.Select(g => g.Key));
                    if (depth - level > 1)
                    {
                        html.Append(" rowspan=\"").Append(depth - level).Append('"');
                    }

                    html.Append(" scope=\"col\">").Append(Html.E(column.Label.In(language))).Append("</th>");
                }
            }

            html.Append("</tr>\n");
        }

        html.Append("</thead>\n");
    }

    private static void AppendHeaders(StringBuilder html, string prefix, string kind, IEnumerable<string> keys)
    {
        var ids = keys.Select(k => $"{prefix}-{kind}-{k}").ToList();
        if (ids.Count > 0)
        {
            html.Append(" headers=\"").Append(string.Join(' ', ids)).Append('"');
        }
    }
}
