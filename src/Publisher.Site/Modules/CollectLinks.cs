using System.Collections.Concurrent;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;

namespace Publisher.Site.Modules;

/// <summary>
/// Records the distinct links of a rendered HTML page in its metadata (<see cref="SiteKeys.Links"/>), so the page
/// can be written to disk and dropped from memory at once while <see cref="ValidateLinks"/> still checks its links
/// later, when every pipeline's outputs are known.
/// </summary>
public sealed class CollectLinks : SyncModule
{
    // One string for each distinct link of the build: most links of a page (navigation, breadcrumbs, assets, the
    // office and year pages) are on thousands of others, and every page's links are held until ValidateLinks.
    private readonly ConcurrentDictionary<string, string> _seen = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        if (!input.Destination.EndsWith(".html", StringComparison.Ordinal) || input.Content.Length == 0)
        {
            return input;
        }

        return input.WithMetadata(SiteKeys.Links, Of(input.Content, _seen));
    }

    /// <summary>The distinct link values of an HTML page, in document order.</summary>
    internal static string[] Of(string html) => Of(html, seen: null);

    /// <summary>
    /// The distinct link values of an HTML page, in document order; a link already in <paramref name="seen"/> is
    /// that string, not a new one (found by the characters in the page, so no string is made for it).
    /// </summary>
    private static string[] Of(string html, ConcurrentDictionary<string, string>? seen)
    {
        var lookup = seen?.GetAlternateLookup<ReadOnlySpan<char>>();
        var links = new List<string>();
        foreach (var range in LinkScanner.Scan(html))
        {
            var raw = html.AsSpan(range);
            string link;
            if (lookup is { } known && !raw.Contains('&') && known.TryGetValue(raw, out var existing))
            {
                link = existing;
            }
            else
            {
                link = LinkScanner.Value(html, range);
                link = seen?.GetOrAdd(link, link) ?? link;
            }

            links.Add(link);
        }

        return [.. links.Distinct(StringComparer.Ordinal)];
    }
}
