using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Publisher.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(SiteServerFixture site)
{
    // Collects the page's interactive elements and their styles before anything has focus.
    private const string CollectScript = """
        () => {
          const items = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
            .filter(e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden' && e.closest('[hidden]') === null);
          window.__items = items;
          const style = e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor].join('|'); };
          window.__before = items.map(style);
          window.__style = style;
          return items.length;
        }
        """;

    // Describes the focused element: its index, whether a visible outline, shadow or background appeared, and what sticky or fixed element covers it.
    private const string FocusedScript = """
        () => {
          const e = document.activeElement;
          const index = window.__items.indexOf(e);
          if (index < 0) { return { index, name: e ? e.tagName : '', changed: false, outline: false, coveredBy: '' }; }
          const s = getComputedStyle(e);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
          const before = window.__before[index].split('|');
          const changed = outline || (s.boxShadow !== 'none' && s.boxShadow !== before[3]) || s.backgroundColor !== before[4];
          const r = e.getBoundingClientRect();
          let coveredBy = '';
          for (const other of document.querySelectorAll('body *')) {
            const p = getComputedStyle(other).position;
            if ((p === 'sticky' || p === 'fixed') && !other.contains(e)) {
              const o = other.getBoundingClientRect();
              if (o.width > 0 && o.height > 0 && r.left < o.right && r.right > o.left && r.top < o.bottom && r.bottom > o.top) {
                coveredBy = other.tagName + '.' + other.className;
              }
            }
          }
          return { index, name: e.tagName + ' ' + (e.getAttribute('href') || e.className), changed, outline, coveredBy };
        }
        """;

    [SkippableTheory]
    [InlineData("home", "zh-CN")]
    [InlineData("translated-document", "en")]
    [InlineData("not-found", "en")]
    public async Task Should_MoveFocusIntoMain_When_SkipLinkIsFirstTabStopAndActivated(string kind, string language)
    {
        // Given
        var page = await site.OpenAsync(PageKind.Find(kind, language).Path);

        // When
        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("() => document.activeElement.className + ' ' + document.activeElement.getAttribute('href')");
        var firstVisible = await page.EvaluateAsync<bool>("() => { const r = document.activeElement.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0; }");
        await page.Keyboard.PressAsync("Enter");
        var inMain = await page.EvaluateAsync<bool>("() => document.activeElement.closest('main') !== null");
        await page.Keyboard.PressAsync("Tab");
        var nextInMain = await page.EvaluateAsync<bool>("() => document.activeElement.closest('main') !== null || document.activeElement.closest('footer') !== null");
        await page.Context.CloseAsync();

        // Then
        Assert.StartsWith("skip-link", first, StringComparison.Ordinal);
        Assert.True(firstVisible, "the skip link must be visible when it has focus");
        Assert.True(inMain, "activating the skip link must move focus into main");
        Assert.True(nextInMain, "the next tab stop after the skip link's target must follow main, not the header");
    }

    [SkippableTheory]
    [InlineData("home", "en")]
    [InlineData("offices", "zh-CN")]
    [InlineData("year", "en")]
    [InlineData("translated-document", "zh-CN")]
    [InlineData("untranslated-document", "en")]
    [InlineData("wide-table-document", "zh-CN")]
    [InlineData("accessibility", "en")]
    public async Task Should_ShowVisibleUncoveredFocus_When_EveryInteractiveElementIsReachedByTab(string kind, string language)
    {
        // Given
        var page = await site.OpenAsync(PageKind.Find(kind, language).Path);
        var count = await page.EvaluateAsync<int>(CollectScript);
        var reached = new HashSet<int>();
        var problems = new StringBuilder();

        // When
        for (var step = 0; step < count + 5; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<JsonElement>(FocusedScript);
            var index = focused.GetProperty("index").GetInt32();
            if (index < 0)
            {
                continue;
            }

            reached.Add(index);
            var name = focused.GetProperty("name").GetString();
            if (!focused.GetProperty("changed").GetBoolean())
            {
                problems.AppendLine($"{name}: no visible focus indicator");
            }

            if (focused.GetProperty("coveredBy").GetString() is { Length: > 0 } cover)
            {
                problems.AppendLine($"{name}: focus hidden under {cover}");
            }
        }

        await page.Context.CloseAsync();

        // Then
        Assert.True(count > 5, "the page has too few interactive elements to be a real page");
        Assert.Equal(count, reached.Count);
        Assert.True(problems.Length == 0, "PUB0620: " + problems);
    }

    [SkippableTheory]
    [InlineData("translated-document", "zh-CN", "/en/ganquan-road/2021/rule-of-law-report/")]
    [InlineData("translated-document", "en", "/ganquan-road/2021/rule-of-law-report/")]
    [InlineData("office", "zh-CN", "/en/offices/ganquan-road/")]
    [InlineData("home", "en", "/")]
    [InlineData("accessibility", "zh-CN", "/en/accessibility/")]
    public async Task Should_LandOnCounterpartPage_When_LanguageSwitchIsActivatedByKeyboard(string kind, string language, string counterpart)
    {
        // Given
        var page = await site.OpenAsync(PageKind.Find(kind, language).Path);
        var onSwitch = false;

        // When
        for (var step = 0; step < 10 && !onSwitch; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            onSwitch = await page.EvaluateAsync<bool>("() => document.activeElement.closest('.language-switch') !== null");
        }

        var focusedHref = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("p => location.pathname === p && document.readyState === 'complete'", counterpart,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        var landed = new Uri(page.Url).AbsolutePath;
        var lang = await page.GetAttributeAsync("html", "lang");
        await page.Context.CloseAsync();

        // Then
        Assert.True(onSwitch, "the language switch must be among the first tab stops");
        Assert.Equal(counterpart, focusedHref);
        Assert.Equal(counterpart, landed);
        Assert.Equal(language == "en" ? "zh-CN" : "en", lang);
    }
}
