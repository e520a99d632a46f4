using System.Globalization;
using Publisher.Content.Configuration;
using Publisher.Core.Caching;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Model;
using Publisher.Site.Rendering;

namespace Publisher.Site.Modules;

/// <summary>
/// Plans each office's disclosure catalogue (paged) and the open-data page, in every language. In an incremental
/// build a catalogue page is keyed by its office's documents' front matter (<see cref="SourceDigests.CatalogueKey"/>), the data
/// page by its years (<see cref="SourceDigests.ValuesKey"/>).
/// </summary>
public sealed class GenerateTransparencyPages : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var strings = context.GetService<IReadOnlyDictionary<string, UiStrings>>();
        var site = SiteModelFactory.Create(context);
        var urls = new SiteUrls(options.BasePath, options.DefaultLanguage, FingerprintAssets.Names(context));
        var digests = SourceDigests.For(site, context);
        var pages = new List<Document>();
        foreach (var language in options.Languages)
        {
            var t = strings[language];
            var home = new Link(t["nav.home"], urls.Link(language, string.Empty));
            var officesLink = new Link(t["nav.offices"], urls.Link(language, "offices/"));
            foreach (var office in site.Offices)
            {
                var entries = CataloguePageModel.EntriesOf(site, office);
                var pageCount = Math.Max(1, (entries.Count + CataloguePageModel.PageSize - 1) / CataloguePageModel.PageSize);
                var officeLink = new Link(office.ShortName.In(language), urls.Link(language, $"offices/{office.Id}/"), office.ShortName.Has(language) ? null : options.DefaultLanguage);
                for (var number = 1; number <= pageCount; number++)
                {
                    var title = t.Format("transparency.catalogue.title", office.ShortName.In(language));
                    pages.Add(Page(urls, language, "Catalogue.cshtml", context.OutputCache is { } cache ? (destination, template) => digests.CatalogueKey(cache, destination, template, office) : null, new CataloguePageModel
                    {
                        Site = site,
                        Language = language,
                        T = t,
                        Urls = urls,
                        Path = CataloguePageModel.CataloguePath(office, number),
                        Title = number == 1 ? title : t.Format("transparency.catalogue.page_title", title, number, pageCount),
                        Office = office,
                        Entries = [.. entries.Skip((number - 1) * CataloguePageModel.PageSize).Take(CataloguePageModel.PageSize)],
                        PageNumber = number,
                        PageCount = pageCount,
                        Total = entries.Count,
                        Breadcrumbs = [home, officesLink, officeLink],
                    }));
                }
            }

            var years = TransparencyView.Years(site);
            pages.Add(Page(urls, language, "Data.cshtml", context.OutputCache is { } dataCache ? (destination, template) => SourceDigests.ValuesKey(dataCache, destination, template, years.Select(y => y.ToString(CultureInfo.InvariantCulture))) : null, new DataPageModel
            {
                Site = site,
                Language = language,
                T = t,
                Urls = urls,
                Path = "data/",
                Title = t["transparency.data.title"],
                Years = years,
                Breadcrumbs = [home],
            }));
        }

        return Task.FromResult<IReadOnlyList<Document>>(pages);
    }

    // A catalogue page shows only front matter fields of its office's documents (and their count, for the pages'
    // numbers): it is keyed by their front matter; the data page by the years it lists (the years that have statistics), the rest of it being fixed text.
    private static Document Page(SiteUrls urls, string language, string template, Func<string, string, string>? inputsKey, PageModel model)
    {
        var destination = urls.OutputFile(language, model.Path);
        var metadata = DocumentMetadata.Empty
            .With(SiteKeys.Template, template)
            .With(SiteKeys.PageModel, model);
        if (inputsKey is not null)
        {
            metadata = metadata.With(OutputCache.InputsKey, inputsKey(destination, template));
        }

        return new Document { Destination = destination, Metadata = metadata };
    }
}
