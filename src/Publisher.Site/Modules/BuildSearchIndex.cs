using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.IO;
using Publisher.Core.Modules;
using Publisher.Search.Indexing;
using Publisher.Site.Model;
using Publisher.Site.Rendering;

namespace Publisher.Site.Modules;

/// <summary>
/// Writes the search index of every language (<c>/search/index/</c> for the default language,
/// <c>/en/search/index/</c> for English) and passes its inputs through. A language indexes the text written in
/// it: the English index has the English titles, summaries and translations, and the Chinese title of a
/// document that has no English one. Each file goes to disk as soon as it is made (the module returns them marked
/// written, without content): held as documents until written, the 68 MB of JSON of a 10,000-document site's
/// indexes were about twice that in strings, on top of their UTF-8 copies.
/// </summary>
public sealed class BuildSearchIndex : IModule
{
    /// <summary>The index folder under a language's root.</summary>
    public const string IndexFolder = "search/index/";

    /// <inheritdoc />
    /// <remarks>
    /// The languages are indexed one after the other, each on up to all cores (<see cref="IndexWriter"/> analyses
    /// parts of the documents at the same time): indexing them at the same time held both languages' term tables
    /// and postings at once, while pages were being rendered too.
    /// </remarks>
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var site = SiteModelFactory.Create(context);
        var strings = context.GetService<IReadOnlyDictionary<string, UiStrings>>();
        var urls = new SiteUrls(site.Options.BasePath, site.Options.DefaultLanguage);
        var languages = site.Options.Languages;
        var indexes = new List<Document>[languages.Length];
        for (var i = 0; i < languages.Length; i++)
        {
            var language = languages[i];
            var folder = urls.Prefix(language) + IndexFolder;
            var written = new List<Document>();
            IndexWriter.Write(Documents(site, urls, language, strings[language]), (path, utf8) =>
            {
                var destination = folder + path;
                OutputFiles.Write(context, destination, utf8);
                lock (written)
                {
                    written.Add(new Document { Destination = destination }.WithMetadata(WriteFiles.WrittenKey, true));
                }
            });
            indexes[i] = [.. written.OrderBy(d => d.Destination, StringComparer.Ordinal)];
        }

        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. indexes.SelectMany(d => d)]);
    }

    /// <summary>The documents of one language's index, newest first, standalone pages last.</summary>
    internal static List<SearchDocument> Documents(SiteModel site, SiteUrls urls, string language, UiStrings t)
    {
        var defaultLanguage = site.Options.DefaultLanguage;
        return [.. site.Documents.Concat(site.Pages).Select(d =>
        {
            var version = d.VersionIn(language, defaultLanguage);
            return new SearchDocument
            {
                Url = urls.Link(language, d.Path),
                Title = d.TitleIn(language, defaultLanguage).Text,
                Body = version?.PlainText ?? string.Empty,
                Summary = d.SummaryIn(language, defaultLanguage)?.Text,
                Office = d.Office?.Id,
                OfficeName = d.Office?.Name.In(language),
                Year = d.Item.Year,
                Kind = d.Item.Kind,
                KindName = t["kind." + d.Item.Kind],
                DocNumber = d.Item.DocNumber,
            };
        })];
    }
}
