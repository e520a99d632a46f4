using System.Collections.Immutable;
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
/// Plans every page of the portal in every language — home, offices, office, years, year, document, standalone
/// page, 404 — as documents carrying a template name, a page model and a destination. Rendering comes next.
/// In an incremental build, document, office and year pages are keyed by what they show (<see cref="SourceDigests"/>).
/// </summary>
public sealed class GeneratePages : IModule
{
    private const int LatestCount = 10;

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var strings = context.GetService<IReadOnlyDictionary<string, UiStrings>>();
        var site = SiteModelFactory.Create(context);
        var urls = new SiteUrls(options.BasePath, options.DefaultLanguage, FingerprintAssets.Names(context));
        var attachments = context.GetOutputs(nameof(Pipelines.AttachmentsPipeline))
            .GroupBy(d => d.GetRequired<string>(DeployKeys.AttachmentOf), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.GetRequired<AttachmentInfo>(DeployKeys.Attachment)).ToImmutableArray(), StringComparer.Ordinal);
        var digests = SourceDigests.For(site, context);
        var pages = new List<Document>();
        foreach (var language in options.Languages)
        {
            var planner = new Planner(site, urls, language, strings[language], attachments);
            pages.AddRange(planner.All().Select(p =>
            {
                var destination = urls.OutputFile(language, p.Model.Path);
                var metadata = DocumentMetadata.Empty
                    .With(SiteKeys.Template, p.Template)
                    .With(SiteKeys.PageModel, p.Model);
                // Pages keyed here are rendered again only when what they show changed; KeyListPages gives the
                // others (pages made from the whole site) the key of every source.
                var key = context.OutputCache is not { } cache ? null : p.Model switch
                {
                    DocumentPageModel page when digests.ByDocument.TryGetValue(page.Document.Key, out var sources) =>
                        ContentHash.OfParts([cache.Fingerprint, language, p.Template, destination, sources]),
                    OfficePageModel page => digests.OfficeKey(cache, destination, p.Template, page.Office),
                    YearPageModel page => digests.YearKey(cache, destination, p.Template, page.Year),
                    _ => null,
                };
                if (key is not null)
                {
                    metadata = metadata.With(OutputCache.InputsKey, key);
                }

                return new Document { Source = p.Source, Destination = destination, Metadata = metadata };
            }));
        }

        return Task.FromResult<IReadOnlyList<Document>>(pages);
    }

    private sealed class Planner(SiteModel site, SiteUrls urls, string language, UiStrings t, Dictionary<string, ImmutableArray<AttachmentInfo>> attachments)
    {
        public IEnumerable<(string Template, PageModel Model, string Source)> All()
        {
            var home = new Link(t["nav.home"], urls.Link(language, string.Empty));
            var officesLink = new Link(t["nav.offices"], urls.Link(language, "offices/"));
            var yearsLink = new Link(t["nav.years"], urls.Link(language, "years/"));

            yield return ("Home.cshtml", new HomePageModel
            {
                Site = site,
                Language = language,
                T = t,
                Urls = urls,
                Path = string.Empty,
                Title = site.Options.TitleIn(language),
                Description = t["home.description"],
                Latest = [],
            }.WithLatest(site, LatestCount), string.Empty);

            yield return ("Offices.cshtml", new OfficesPageModel
            {
                Site = site,
                Language = language,
                T = t,
                Urls = urls,
                Path = "offices/",
                Title = t["offices.title"],
                Breadcrumbs = [home],
            }, string.Empty);

            foreach (var office in site.Offices)
            {
                yield return ("Office.cshtml", new OfficePageModel
                {
                    Site = site,
                    Language = language,
                    T = t,
                    Urls = urls,
                    Path = $"offices/{office.Id}/",
                    Office = office,
                    Title = office.Name.In(language),
                    TitleLanguage = office.Name.Has(language) ? null : site.Options.DefaultLanguage,
                    Breadcrumbs = [home, officesLink],
                }, office.Source);
            }

            yield return ("Years.cshtml", new YearsPageModel
            {
                Site = site,
                Language = language,
                T = t,
                Urls = urls,
                Path = "years/",
                Title = t["years.title"],
                Breadcrumbs = [home],
            }, string.Empty);

            foreach (var year in site.Years)
            {
                yield return ("Year.cshtml", new YearPageModel
                {
                    Site = site,
                    Language = language,
                    T = t,
                    Urls = urls,
                    Path = $"years/{year}/",
                    Year = year,
                    Title = t.Format("year.title", year.ToString(CultureInfo.InvariantCulture)),
                    Breadcrumbs = [home, yearsLink],
                }, string.Empty);
            }

            foreach (var document in site.Documents.Concat(site.Pages))
            {
                var (title, titleLanguage) = document.TitleIn(language, site.Options.DefaultLanguage);
                ImmutableArray<Link> crumbs = document.Office is { } office
                    ? [home, officesLink, new Link(office.ShortName.In(language), urls.Link(language, $"offices/{office.Id}/"), office.ShortName.Has(language) ? null : site.Options.DefaultLanguage)]
                    : [home];
                var version = document.VersionIn(language, site.Options.DefaultLanguage);
                yield return ("Document.cshtml", new DocumentPageModel
                {
                    Site = site,
                    Language = language,
                    T = t,
                    Urls = urls,
                    Path = document.Path,
                    Document = document,
                    Version = version,
                    Title = title,
                    TitleLanguage = titleLanguage == language ? null : titleLanguage,
                    Description = document.SummaryIn(language, site.Options.DefaultLanguage)?.Text,
                    Breadcrumbs = crumbs,
                    Attachments = attachments.GetValueOrDefault(document.Key, []),
                }, (version ?? document.Original).Item.Source);
            }

            yield return ("NotFound.cshtml", new NotFoundPageModel
            {
                Site = site,
                Language = language,
                T = t,
                Urls = urls,
                Path = "404.html",
                Title = t["notfound.title"],
                IsErrorPage = true,
            }, string.Empty);
        }
    }
}
