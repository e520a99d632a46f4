using System.Text;
using Microsoft.Playwright;

namespace Publisher.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReflowTests(SiteServerFixture site)
{
    // Reports sideways scrolling of the page and any table wider than its place that is not in a labelled, focusable region.
    private const string OverflowScript = """
        () => {
          const problems = [];
          const root = document.documentElement;
          if (root.scrollWidth > root.clientWidth + 1) { problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`); }
          for (const table of document.querySelectorAll('table')) {
            const region = table.closest('[role="region"]');
            const ok = region !== null && region.tabIndex === 0 && (region.getAttribute('aria-label') || region.getAttribute('aria-labelledby'))
              && ['auto', 'scroll'].includes(getComputedStyle(region).overflowX) && region.getBoundingClientRect().right <= root.clientWidth + 1;
            if (table.getBoundingClientRect().width > table.parentElement.clientWidth + 1 && !ok) {
              problems.push('wide table outside a labelled, focusable scroll region');
            }
          }
          return problems.join('\n');
        }
        """;

    [SkippableFact]
    public async Task Should_NeverScrollSideways_When_EveryPageKindIsShownAt320CssPixels()
    {
        // Given
        var problems = new StringBuilder();

        // When
        foreach (var kind in PageKind.All)
        {
            var page = await site.OpenAsync(kind.Path, width: 320, height: 640);
            if (await page.EvaluateAsync<string>(OverflowScript) is { Length: > 0 } found)
            {
                problems.AppendLine($"{kind}: {found}");
            }

            await page.Context.CloseAsync();
        }

        // Then
        Assert.True(problems.Length == 0, "PUB0630: reflow at 320 CSS px:" + Environment.NewLine + problems);
    }

    [SkippableFact]
    public async Task Should_NeverScrollSideways_When_TextIsEnlargedTo200Percent()
    {
        // Given
        var problems = new StringBuilder();

        // When
        foreach (var kind in PageKind.All)
        {
            // 200% zoom of a 1280 px window is 640 CSS px; doubling the root font size enlarges all text on top.
            var page = await site.OpenAsync(kind.Path, width: 640, height: 450);
            await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = "html { font-size: 200% !important; }" });
            if (await page.EvaluateAsync<string>(OverflowScript) is { Length: > 0 } found)
            {
                problems.AppendLine($"{kind}: {found}");
            }

            await page.Context.CloseAsync();
        }

        // Then
        Assert.True(problems.Length == 0, "PUB0631: reflow with text at 200%:" + Environment.NewLine + problems);
    }

    [SkippableFact]
    public async Task Should_ScrollWideTableInsideItsOwnRegion_When_KeyboardUserPressesArrowRight()
    {
        // Given
        var page = await site.OpenAsync("/" + SiteServerFixture.WideTablePath, width: 320, height: 640);
        var region = page.Locator(".document-body [role=region]").First;
        var label = await region.GetAttributeAsync("aria-label");
        var tableWidth = await page.EvaluateAsync<double>("() => document.querySelector('main table').scrollWidth");

        // When
        await region.FocusAsync();
        for (var i = 0; i < 10; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        var scrolled = await region.EvaluateAsync<double>("e => e.scrollLeft");
        var pageWidth = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth");
        await page.Context.CloseAsync();

        // Then
        Assert.True(tableWidth > 320, $"the test table must be wider than the viewport, it is {tableWidth} px");
        Assert.False(string.IsNullOrWhiteSpace(label));
        Assert.True(scrolled > 0, "arrow keys must scroll the focused table region");
        Assert.True(pageWidth <= 320, $"the page itself must not scroll sideways, it is {pageWidth} px wide");
    }
}
