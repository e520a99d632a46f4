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

        string[] links = [.. LinkScanner.Scan(input.Content).Select(l => l.Value).Distinct(StringComparer.Ordinal)];
        return input.WithMetadata(SiteKeys.Links, links);
    }
}
