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
    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        if (!input.Destination.EndsWith(".html", StringComparison.Ordinal) || input.Content.Length == 0)
        {
            return input;
        }

        return input.WithMetadata(SiteKeys.Links, Of(input.Content));
    }

    /// <summary>The distinct link values of an HTML page, in document order.</summary>
    internal static string[] Of(string html) => [.. LinkScanner.Scan(html).Select(l => l.Value).Distinct(StringComparer.Ordinal)];
}
