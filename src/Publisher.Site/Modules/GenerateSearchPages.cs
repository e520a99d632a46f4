using System.Globalization;
using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Model;
using Publisher.Site.Rendering;

namespace Publisher.Site.Modules;

/// <summary>
/// Plans the search page of every language (<c>/search/</c>, <c>/en/search/</c>), keyed by its filters' options
/// (<see cref="SourceDigests.ValuesKey"/>).
/// </summary>
public sealed class GenerateSearchPages : IModule
{
    /// <summary>The search page's path.</summary>
    public const string SearchPath = "search/";

    private const string Template = "Search.cshtml";

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var site = SiteModelFactory.Create(context);
        var strings = context.GetService<IReadOnlyDictionary<string, UiStrings>>();
        var urls = new SiteUrls(site.Options.BasePath, site.Options.DefaultLanguage, FingerprintAssets.Names(context));
        var pages = new List<Document>();
        foreach (var language in site.Options.Languages)
        {
            var t = strings[language];
            var model = new SearchPageModel
            {
                Site = site,
                Language = language,
                T = t,
                Urls = urls,
                Path = SearchPath,
                Title = t["search.title"],
                Description = t["search.description"],
                Breadcrumbs = [new Link(t["nav.home"], urls.Link(language, string.Empty))],
                Offices = [.. site.Offices.Select(o => new SearchFilterOption(o.Id, o.Name.In(language)))],
                Years = site.Years,
                Kinds = [.. site.Documents.Select(d => d.Item.Kind).Distinct().Order(StringComparer.Ordinal).Select(k => new SearchFilterOption(k, t["kind." + k]))],
                IndexUrl = urls.Link(language, BuildSearchIndex.IndexFolder),
            };
            var destination = urls.OutputFile(language, SearchPath);
            var metadata = DocumentMetadata.Empty
                .With(SiteKeys.Template, Template)
                .With(SiteKeys.PageModel, model);
            if (context.OutputCache is { } cache)
            {
                // The page shows its filters' options and no document: an edit that leaves them keeps it.
                IEnumerable<string> values =
                [
                    model.IndexUrl,
                    .. model.Offices.SelectMany(o => new[] { o.Value, o.Text }),
                    .. model.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)),
                    .. model.Kinds.SelectMany(k => new[] { k.Value, k.Text }),
                ];
                metadata = metadata.With(OutputCache.InputsKey, SourceDigests.ValuesKey(cache, destination, Template, values));
            }

            pages.Add(new Document { Destination = destination, Metadata = metadata });
        }

        return Task.FromResult<IReadOnlyList<Document>>(pages);
    }
}
