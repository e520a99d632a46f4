using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Publisher.Search.Indexing;
using Publisher.Search.Querying;
using Publisher.Testing;

namespace Publisher.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class SearchPageTests(SiteServerFixture site)
{
    private const string Status = "#search-status";

    [SkippableFact]
    public async Task Should_FindEveryReportContainingThePhrase_When_Searching依法行政()
    {
        // Given
        var page = await OpenAsync("/search/");
        var expected = PagesContaining("依法行政", english: false);

        // When
        var urls = await SubmitAsync(page, "依法行政");

        // Then
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
        await page.Context.CloseAsync();
    }

    [SkippableTheory]
    [InlineData("普法", "zh-CN")]
    [InlineData("复议", "zh-CN")]
    [InlineData("法治政府", "zh-CN")]
    [InlineData("法", "zh-CN")]
    [InlineData("administrative reconsideration", "en")]
    [InlineData("law-based government", "en")]
    [InlineData("reports", "en")]
    public async Task Should_RankAsTheCli_When_TheSameQueryRunsInTheBrowser(string query, string language)
    {
        // Given
        var page = await OpenAsync(language == "en" ? "/en/search/" : "/search/");
        var index = SearchIndex.Open(Path.Combine(site.Output, language == "en" ? "en/search/index" : "search/index"));
        var cli = Ranker.Search(index, new SearchRequest(query));

        // When
        var browser = await page.EvaluateAsync<JsonElement>("q => window.publisherSearch({ q: q, office: '', year: '', kind: '', page: 1 })", query);

        // Then
        Assert.True(cli.Total > 0, $"the sample has no document with '{query}'");
        Assert.Equal(cli.Total, browser.GetProperty("total").GetInt32());
        Assert.Equal(cli.Hits.Select(h => (h.Url, h.Score)), browser.GetProperty("hits").EnumerateArray().Select(h => (h.GetProperty("url").GetString()!, h.GetProperty("score").GetInt64())));
        Assert.Equal(cli.Hits.Select(h => h.SnippetHtml), browser.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("snippetHtml").GetString()!));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_FetchEachRecordFileOnce_When_ResultsOfAPageShareIt()
    {
        // Given
        var page = await OpenAsync("/search/");
        var index = SearchIndex.Open(Path.Combine(site.Output, "search/index"));
        var cli = Ranker.Search(index, new SearchRequest("法"));
        var fetched = new List<string>();
        page.Request += (_, request) =>
        {
            var path = new Uri(request.Url).AbsolutePath;
            var at = path.IndexOf("/search/index/" + IndexLayout.DocumentFolder, StringComparison.Ordinal);
            if (at >= 0)
            {
                lock (fetched)
                {
                    fetched.Add(path[(at + "/search/index/".Length)..]);
                }
            }
        };

        // When
        var browser = await page.EvaluateAsync<JsonElement>("q => window.publisherSearch({ q: q, office: '', year: '', kind: '', page: 1 })", "法");

        // Then
        var expected = cli.Hits.Select(h => IndexLayout.RecordFile(h.Id, index.RecordsPerFile)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(cli.Hits.Select(h => h.Url), browser.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("url").GetString()!));
        Assert.True(expected.Count < cli.Hits.Length, $"{cli.Hits.Length} results in {expected.Count} record files: the sample should have results sharing a file");
        Assert.Equal(expected, fetched.Order(StringComparer.Ordinal));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_ShowTwoCharacterWordMatchesWithMarks_When_Searching普法()
    {
        // Given
        var page = await OpenAsync("/search/");
        var expected = PagesContaining("普法", english: false);

        // When
        var urls = await SubmitAsync(page, "普法");

        // Then
        Assert.Equal(expected.Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
        Assert.True(await page.Locator("#search-results mark").CountAsync() > 0);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_PutTheReportFirst_When_SearchingItsDocumentNumber()
    {
        // Given
        using var data = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "data/documents.json")));
        var numbered = data.RootElement.GetProperty("documents").EnumerateArray().First(d => d.TryGetProperty("doc_number", out _));
        var number = numbered.GetProperty("doc_number").GetString()!;
        var page = await OpenAsync("/search/");

        // When
        var urls = await SubmitAsync(page, number);

        // Then
        Assert.NotEmpty(urls);
        Assert.Equal(new Uri(numbered.GetProperty("url").GetString()!).AbsolutePath, urls[0]);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_FindEnglishPages_When_SearchingAnEnglishWordOnTheEnglishSite()
    {
        // Given
        var page = await OpenAsync("/en/search/");
        var expected = PagesContaining("reconsideration", english: true);

        // When
        var urls = await SubmitAsync(page, "Reconsideration");

        // Then
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
        Assert.All(urls, u => Assert.StartsWith("/en/", u, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_ShowFilteredResults_When_OpeningALinkWithQueryAndYear()
    {
        // Given
        var all = Ranker.Search(SearchIndex.Open(Path.Combine(site.Output, "search/index")), new SearchRequest("法治"));
        var page = await site.NewPageAsync();

        // When
        await page.GotoAsync(site.Url("/search/?q=" + Uri.EscapeDataString("法治") + "&year=2021"));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-results li').length > 0");

        // Then
        Assert.Equal("法治", await page.InputValueAsync("#search-q"));
        Assert.Equal("2021", await page.InputValueAsync("#search-year"));
        var metas = await page.Locator("#search-results .search-result-meta").AllTextContentsAsync();
        Assert.All(metas, m => Assert.Contains("2021", m, StringComparison.Ordinal));
        Assert.True(metas.Count < all.Total, "the year filter should narrow the results");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_AnnounceTheCount_When_ResultsAppear()
    {
        // Given
        var page = await OpenAsync("/search/");

        // When
        var urls = await SubmitAsync(page, "普法");

        // Then
        var status = page.Locator(Status);
        Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));
        Assert.Equal("status", await status.GetAttributeAsync("role"));
        Assert.Contains(urls.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await status.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_SaySoInTheStatus_When_NothingMatches()
    {
        // Given
        var page = await OpenAsync("/search/");

        // When
        await page.FillAsync("#search-q", "量子纠缠");
        await page.PressAsync("#search-q", "Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('#search-status').textContent.includes('量子纠缠')");

        // Then
        Assert.Contains("没有找到", await page.Locator(Status).TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#search-results li").CountAsync());
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_HaveNoAxeViolations_When_ResultsAreShown()
    {
        // Given
        var page = await OpenAsync("/search/");
        await SubmitAsync(page, "依法行政");

        // When
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] } });

        // Then
        Assert.True(result.Passes.Length > 10, "axe ran too few rules");
        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.SelectMany(v => v.Nodes.Select(n => $"{v.Id}: {v.Help} at {n.Target}"))));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_SearchAndOpenAResult_When_UsingOnlyTheKeyboard()
    {
        // Given
        var page = await OpenAsync("/search/");

        // When
        await TabUntilAsync(page, "document.activeElement && document.activeElement.id === 'search-q'");
        await page.Keyboard.TypeAsync("普法");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-results li').length > 0");
        await TabUntilAsync(page, "document.activeElement && document.activeElement.closest('#search-results') !== null");
        var target = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        Assert.False(string.IsNullOrEmpty(target), "focus is on " + await page.EvaluateAsync<string>("() => document.activeElement.outerHTML"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("t => location.pathname === t", target);

        // Then
        Assert.Equal(target, new Uri(page.Url).AbsolutePath);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_OfferOfficeAndYearIndexes_When_JavaScriptIsOff()
    {
        // Given
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        // When
        await page.GotoAsync(site.Url("/search/?q=" + Uri.EscapeDataString("普法")));

        // Then
        Assert.True(await page.Locator("#search-nojs").IsVisibleAsync());
        Assert.Equal(1, await page.Locator("#search-nojs a[href='/offices/']").CountAsync());
        Assert.Equal(1, await page.Locator("#search-nojs a[href='/years/']").CountAsync());
        Assert.Equal("get", await page.GetAttributeAsync("form.search-form", "method"));
        await context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_HaveASearchBoxInTheHeader_When_OnAnyPage()
    {
        // Given
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/offices/"));

        // When
        await page.FillAsync("header input[name=q]", "普法");
        await page.PressAsync("header input[name=q]", "Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-results li').length > 0");

        // Then
        Assert.Equal("/search/", new Uri(page.Url).AbsolutePath);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public void Should_StayUnderTenKilobytesGzipped_When_ServingSearchJs()
    {
        // Given
        var script = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "themes/default/assets/js/search.js"));

        // When
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(script);
        }

        // Then
        Assert.True(buffer.Length <= 10 * 1024, $"search.js is {buffer.Length} bytes gzipped");
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        await page.WaitForFunctionAsync("() => typeof window.publisherSearch === 'function'");
        return page;
    }

    private static async Task<List<string>> SubmitAsync(IPage page, string query)
    {
        await page.FillAsync("#search-q", query);
        await page.ClickAsync("form.search-form button[type=submit]");
        await page.WaitForFunctionAsync("() => { const s = document.querySelector('#search-status').textContent; return s && !s.endsWith('…'); }");
        var urls = new List<string>();
        var pageNumber = 1;
        while (true)
        {
            urls.AddRange((await page.Locator("#search-results li a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList());
            var next = page.Locator("#search-pages a").Last;
            if (await page.Locator("#search-pages a").CountAsync() == 0 || pageNumber++ > 20 || !(await next.TextContentAsync() ?? string.Empty).Contains('下', StringComparison.Ordinal) && !(await next.TextContentAsync() ?? string.Empty).Contains("Next", StringComparison.Ordinal))
            {
                return urls;
            }

            await next.ClickAsync();
            await page.WaitForFunctionAsync("n => document.querySelector('#search-results').start === n", ((pageNumber - 1) * 10) + 1);
        }
    }

    private static async Task TabUntilAsync(IPage page, string condition)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => " + condition))
            {
                return;
            }
        }

        Assert.Fail("keyboard focus never reached: " + condition);
    }

    /// <summary>The links of the built document pages whose title or body contains <paramref name="phrase"/> (ignoring case).</summary>
    private List<string> PagesContaining(string phrase, bool english)
    {
        var root = english ? Path.Combine(site.Output, "en") : site.Output;
        var urls = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "index.html", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(site.Output, Path.GetDirectoryName(file)!).Replace('\\', '/');
            var segments = relative.Split('/');
            var documentPage = english ? segments.Length == 4 : segments.Length == 3 && segments[0] != "en";
            if (!documentPage || segments.Contains("search") || segments[english ? 1 : 0] is "offices" or "years")
            {
                continue;
            }

            var html = File.ReadAllText(file);
            var main = MainElement().Match(html).Groups[1].Value;
            var text = Tags().Replace(main, string.Empty);
            text = System.Net.WebUtility.HtmlDecode(Whitespace().Replace(text, english ? " " : string.Empty));
            if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                urls.Add("/" + relative + "/");
            }
        }

        return urls;
    }

    [GeneratedRegex("<main[^>]*>(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainElement();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
