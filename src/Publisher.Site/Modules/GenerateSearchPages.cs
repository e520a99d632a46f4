using System.Collections.Immutable;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Model;
using Publisher.Site.Rendering;

namespace Publisher.Site.Modules;

/// <summary>Plans the search page of every language (<c>/search/</c>, <c>/en/search/</c>).</summary>
public sealed class GenerateSearchPages : IModule
{
    /// <summary>The search page's path.</summary>
    public const string SearchPath = "search/";

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
            pages.Add(new Document
            {
                Destination = urls.OutputFile(language, SearchPath),
                Metadata = ImmutableSortedDictionary<string, object?>.Empty
                    .Add(SiteKeys.Template, "Search.cshtml")
                    .Add(SiteKeys.PageModel, model),
            });
        }

        return Task.FromResult<IReadOnlyList<Document>>(pages);
    }
}
