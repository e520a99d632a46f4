using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Publisher.Core.Diagnostics;
using Publisher.Search.Querying;

namespace Publisher.Cli.Commands;

/// <summary><c>publisher search</c>: the site's own ranking over a built index, for editors and tests.</summary>
internal static partial class SearchCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to search for: words, a phrase or a document number." };
        var language = new Option<string>("--lang") { Description = "Which language's index: zh-CN or en.", DefaultValueFactory = _ => "zh-CN" };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON (with the files and bytes the query read)." };
        var site = new Option<string>("--site") { Description = "The built site folder.", DefaultValueFactory = _ => "_site" };
        var office = new Option<string?>("--office") { Description = "Only this office's documents (its id, e.g. ganquan-road)." };
        var year = new Option<int?>("--year") { Description = "Only documents covering this year." };
        var kind = new Option<string?>("--kind") { Description = "Only this kind of document (e.g. annual-report)." };
        var page = new Option<int>("--page") { Description = "Which page of results (10 a page).", DefaultValueFactory = _ => 1 };
        var command = new Command("search", "Search the built site's index the way its search page does.") { query, language, json, site, office, year, kind, page };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var lang = parse.GetValue(language)!;
            try
            {
                var index = SearchIndex.Open(IndexFolder(parse.GetValue(site)!, lang));
                var stopwatch = Stopwatch.StartNew();
                var request = new SearchRequest(parse.GetValue(query)!, parse.GetValue(office), parse.GetValue(year), parse.GetValue(kind), parse.GetValue(page));
                var results = Ranker.Search(index, request);
                stopwatch.Stop();
                if (parse.GetValue(json))
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(
                        new
                        {
                            request.Query,
                            Language = lang,
                            results.Total,
                            results.Page,
                            results.PageCount,
                            results.Hits,
                            FilesRead = index.FilesRead.Count,
                            BytesRead = index.FilesRead.Values.Sum(),
                            Milliseconds = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 2),
                        },
                        Json)).ConfigureAwait(false);
                }
                else
                {
                    await PrintAsync(output, request, results).ConfigureAwait(false);
                }

                return CliApp.Ok;
            }
            catch (ContentException ex)
            {
                await DiagnosticPrinter.PrintAsync([ex.Diagnostic], error).ConfigureAwait(false);
                return CliApp.ContentErrors;
            }
        });
        return command;
    }

    /// <summary>The index of a language: <c>&lt;site&gt;/en/search/index/</c>, or the root one for the default language.</summary>
    private static string IndexFolder(string site, string language)
    {
        var localized = Path.Combine(site, language.ToLowerInvariant(), "search", "index");
        return Directory.Exists(localized) ? localized : Path.Combine(site, "search", "index");
    }

    private static async Task PrintAsync(TextWriter output, SearchRequest request, SearchResults results)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{results.Total} document(s) match \"{request.Query}\" (page {results.Page} of {results.PageCount}).")).ConfigureAwait(false);
        var rank = ((results.Page - 1) * Search.Indexing.IndexLayout.PageSize) + 1;
        foreach (var hit in results.Hits)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rank++,3}. {hit.Title}  [{hit.Score}]")).ConfigureAwait(false);
            var meta = string.Join(" · ", new[] { hit.Office, hit.Year?.ToString(CultureInfo.InvariantCulture), hit.DocNumber }.Where(s => !string.IsNullOrEmpty(s)));
            await output.WriteLineAsync($"     {meta}  {hit.Url}").ConfigureAwait(false);
            await output.WriteLineAsync($"     {PlainSnippet(hit.SnippetHtml)}").ConfigureAwait(false);
        }
    }

    /// <summary>The snippet for a terminal: matches in [brackets], entities decoded.</summary>
    private static string PlainSnippet(string html) =>
        System.Net.WebUtility.HtmlDecode(MarkTag().Replace(html, m => m.Value == "<mark>" ? "[" : "]"));

    [GeneratedRegex("</?mark>")]
    private static partial Regex MarkTag();
}
