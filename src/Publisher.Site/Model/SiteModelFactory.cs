using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Publisher.Content;
using Publisher.Content.Configuration;
using Publisher.Content.Markdown;
using Publisher.Content.Model;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Site.Pipelines;

namespace Publisher.Site.Model;

/// <summary>Assembles the <see cref="SiteModel"/> from the outputs of the offices and documents pipelines.</summary>
public static class SiteModelFactory
{
    /// <summary>Builds the model; documents whose office or original is missing were already reported and are left out.</summary>
    public static SiteModel Create(IExecutionContext context)
    {
        // Every page-making module asks for the model; the outputs it is made from are fixed once their
        // pipelines have run, so it is built once per list of outputs and shared.
        var outputs = context.GetOutputs(nameof(DocumentsPipeline));
        lock (Built)
        {
            if (!Built.TryGetValue(outputs, out var model))
            {
                model = Build(context);
                Built.Add(outputs, model);
            }

            return model;
        }
    }

    private static readonly ConditionalWeakTable<IReadOnlyList<Document>, SiteModel> Built = [];

    // Shared by every document without a translation (most of them): one empty dictionary, not one each.
    private static readonly ImmutableSortedDictionary<string, SiteDocumentVersion> NoTranslations =
        ImmutableSortedDictionary.Create<string, SiteDocumentVersion>(StringComparer.Ordinal);

    private static SiteModel Build(IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var offices = context.GetOutputs(nameof(OfficesPipeline)).Select(d => d.GetRequired<Office>(ContentKeys.Office)).ToList();
        var officesById = offices.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var versions = context.GetOutputs(nameof(DocumentsPipeline)).Select(Version).ToList();
        var translations = versions.Where(v => v.Item.IsTranslation).ToLookup(v => v.Item.Key, StringComparer.Ordinal);
        var documents = versions
            .Where(v => !v.Item.IsTranslation)
            .Select(original => new SiteDocument
            {
                Key = original.Item.Key,
                Original = original,
                Office = original.Item.Office is { } id ? officesById.GetValueOrDefault(id) : null,
                Translations = translations.Contains(original.Item.Key)
                    ? translations[original.Item.Key].ToImmutableSortedDictionary(v => v.Item.Language, v => v, StringComparer.Ordinal)
                    : NoTranslations,
            })
            .Where(d => d.IsStandalonePage || d.Office is not null);
        var statistics = context.GetOutputs(nameof(DocumentsPipeline))
            .Select(d => (Item: d.GetRequired<ContentItem>(ContentKeys.Item), Statistics: d.Get<Transparency.Statistics.AnnualStatistics>(Transparency.TransparencyKeys.Statistics)))
            .Where(d => d.Statistics is not null && !d.Item.IsTranslation)
            .ToImmutableSortedDictionary(d => d.Item.Key, d => d.Statistics!, StringComparer.Ordinal);
        return new SiteModel(options, offices, documents) { Statistics = statistics };
    }

    private static SiteDocumentVersion Version(Document document) => new(
        document.GetRequired<ContentItem>(ContentKeys.Item),
        document.GetRequired<MarkdownBody>(ContentKeys.Body))
    {
        SourceHash = document.Get<string>(ContentKeys.SourceHash),
        FrontMatterHash = document.Get<string>(ContentKeys.FrontMatterHash),
    };
}
