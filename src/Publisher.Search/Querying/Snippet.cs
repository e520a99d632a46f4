using System.Text;

namespace Publisher.Search.Querying;

/// <summary>
/// Cuts a passage around the first match and marks every match in it with <c>&lt;mark&gt;</c>; everything else
/// is HTML-escaped. Matching ignores case. <c>search.js</c> does the same.
/// </summary>
public static class Snippet
{
    /// <summary>How many characters a snippet shows.</summary>
    public const int Length = 110;

    /// <summary>How many characters of context come before the first match.</summary>
    public const int Lead = 20;

    /// <summary>A passage of <paramref name="text"/> around the first occurrence of the longest of <paramref name="needles"/> it contains (they come longest first), or its start.</summary>
    public static string Build(string text, IReadOnlyList<string> needles)
    {
        var lower = text.ToLowerInvariant();
        var first = -1;
        foreach (var needle in needles)
        {
            first = lower.IndexOf(needle, StringComparison.Ordinal);
            if (first >= 0)
            {
                break;
            }
        }

        var start = first < 0 ? 0 : Math.Max(0, first - Lead);
        var end = Math.Min(text.Length, start + Length);
        return (start > 0 ? "…" : string.Empty) + Mark(text, lower, start, end, needles) + (end < text.Length ? "…" : string.Empty);
    }

    /// <summary>The whole of <paramref name="text"/> with matches marked.</summary>
    public static string MarkAll(string text, IReadOnlyList<string> needles) => Mark(text, text.ToLowerInvariant(), 0, text.Length, needles);

    private static string Mark(string text, string lower, int start, int end, IReadOnlyList<string> needles)
    {
        var html = new StringBuilder();
        var i = start;
        while (i < end)
        {
            var matched = needles.FirstOrDefault(n => i + n.Length <= end && string.CompareOrdinal(lower, i, n, 0, n.Length) == 0);
            if (matched is not null)
            {
                html.Append("<mark>");
                Escape(html, text.AsSpan(i, matched.Length));
                html.Append("</mark>");
                i += matched.Length;
            }
            else
            {
                Escape(html, text.AsSpan(i, 1));
                i++;
            }
        }

        return html.ToString();
    }

    /// <summary>Escapes the five HTML-special characters and nothing else (as <c>search.js</c> does).</summary>
    private static void Escape(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }
    }
}
