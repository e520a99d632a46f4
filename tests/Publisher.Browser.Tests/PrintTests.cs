using System.Text.Json;
using Microsoft.Playwright;

namespace Publisher.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PrintTests(SiteServerFixture site)
{
    [SkippableTheory]
    [InlineData("translated-document", "zh-CN")]
    [InlineData("translated-document", "en")]
    [InlineData("untranslated-document", "en")]
    public async Task Should_HideNavigationAndKeepOfficialMetadata_When_DocumentIsPrinted(string kind, string language)
    {
        // Given
        var page = await site.OpenAsync(PageKind.Find(kind, language).Path, media: "print");

        // When
        var hidden = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.skip-link, nav, form[role=search], .search-form, .site-search')]
              .filter(e => e.getBoundingClientRect().height > 0).map(e => e.tagName + '.' + e.className)
            """);
        var metadataShown = await page.Locator(".official-metadata").IsVisibleAsync();
        var metadataTerms = await page.Locator(".official-metadata dt").CountAsync();
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(site.ScreenshotFolder, $"print-{kind}-{language}.pdf") });
        await page.Context.CloseAsync();

        // Then
        Assert.Equal(0, hidden.GetArrayLength());
        Assert.True(metadataShown, "the official metadata must be printed");
        Assert.True(metadataTerms >= 3, "issuing office and dates must be printed");
    }

    [SkippableTheory]
    [InlineData("home", "zh-CN")]
    [InlineData("office", "en")]
    [InlineData("about", "zh-CN")]
    public async Task Should_PrintLinkTargets_When_PageWithLinksIsPrinted(string kind, string language)
    {
        // Given
        var page = await site.OpenAsync(PageKind.Find(kind, language).Path, media: "print");

        // When
        var links = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('main a[href]:not([href^="#"])')]
              .map(a => ({ href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content }))
            """);
        await page.Context.CloseAsync();

        // Then
        Assert.True(links.GetArrayLength() > 0, "the page must have links in main for this test to mean anything");
        foreach (var link in links.EnumerateArray())
        {
            var href = link.GetProperty("href").GetString()!;
            Assert.Contains(href, link.GetProperty("after").GetString(), StringComparison.Ordinal);
        }
    }
}
