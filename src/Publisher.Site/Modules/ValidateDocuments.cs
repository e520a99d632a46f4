using Publisher.Content;
using Publisher.Content.Model;
using Publisher.Content.Text;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Pipelines;

namespace Publisher.Site.Modules;

/// <summary>
/// Checks what one file cannot check alone: the office exists, a translation has its original, no two files
/// claim one address, and no two addresses differ only in letter case (some hosts treat them as one).
/// Documents with errors are dropped; the others go on.
/// </summary>
public sealed class ValidateDocuments : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var officeIds = context.GetOutputs(nameof(OfficesPipeline))
            .Select(d => d.GetRequired<Office>(ContentKeys.Office).Id)
            .ToHashSet(StringComparer.Ordinal);
        var items = inputs.Select(d => (Document: d, Item: d.GetRequired<ContentItem>(ContentKeys.Item))).ToList();
        var originals = items.Where(i => !i.Item.IsTranslation).Select(i => i.Item.Key).ToHashSet(StringComparer.Ordinal);
        var rejected = new HashSet<Document>(ReferenceEqualityComparer.Instance);

        foreach (var (document, item) in items)
        {
            if (item.Office is { } office && !officeIds.Contains(office))
            {
                context.Diagnostics.Error(
                    "PUB0150",
                    item.LocationOf("office"),
                    $"unknown office '{office}'.",
                    $"{Suggestions.DidYouMean(office, officeIds)} Offices are the files in content/offices/; add content/offices/{office}.yml if this is a new office.".TrimStart());
                rejected.Add(document);
            }
            else if (item.Office is { } named && item.Key.Split('/')[0] is var folder && !item.Key.StartsWith("pages/", StringComparison.Ordinal) && folder != named)
            {
                context.Diagnostics.Error(
                    "PUB0132",
                    item.LocationOf("office"),
                    $"the file is in folder '{folder}' but names office '{named}'.",
                    $"Move the file to content/{named}/… or set office: {folder}.");
                rejected.Add(document);
            }

            if (item.IsTranslation && !originals.Contains(item.Key))
            {
                // An original that exists but failed has its own error already; one report is enough.
                rejected.Add(document);
                if (File.Exists(Path.Combine(context.InputDirectory, OriginalSource(item.Source))))
                {
                    continue;
                }

                context.Diagnostics.Error(
                    "PUB0151",
                    item.LocationOf("title"),
                    $"this translation has no original: '{OriginalSource(item.Source)}' does not exist.",
                    "A translation <slug>.en.md must sit beside its original <slug>.md; rename it or add the original.");
            }
        }

        foreach (var group in items.GroupBy(i => (i.Item.Key, i.Item.Language)).Where(g => g.Count() > 1))
        {
            var sources = string.Join(" and ", group.Select(g => g.Item.Source));
            foreach (var (document, item) in group)
            {
                context.Diagnostics.Error("PUB0152", new Core.Diagnostics.SourceSpan(item.Source), $"two files claim the same address: {sources}.", "Rename one of them.");
                rejected.Add(document);
            }
        }

        foreach (var group in items.Where(i => !i.Item.IsTranslation).GroupBy(i => i.Item.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Select(i => i.Item.Key).Distinct().Count() > 1))
        {
            var sources = string.Join(" and ", group.Select(g => g.Item.Source));
            foreach (var (_, item) in group)
            {
                context.Diagnostics.Warning("PUB0153", new Core.Diagnostics.SourceSpan(item.Source), $"addresses differ only in letter case: {sources}.", "Some hosts treat them as one address; rename one of them.");
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>([.. inputs.Where(d => !rejected.Contains(d))]);
    }

    private static string OriginalSource(string translationSource)
    {
        var name = Path.GetFileName(translationSource);
        var original = name[..name.IndexOf('.', StringComparison.Ordinal)] + ".md";
        return translationSource[..^name.Length] + original;
    }
}
