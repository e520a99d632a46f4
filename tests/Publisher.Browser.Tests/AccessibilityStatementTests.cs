namespace Publisher.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityStatementTests(SiteServerFixture site)
{
    [SkippableTheory]
    [InlineData("zh-CN", "已知的不足")]
    [InlineData("en", "Known limitations")]
    public async Task Should_StateTargetLimitsAndHowToReport_When_StatementIsOpenedFromTheFooter(string language, string limitsHeading)
    {
        // Given
        var page = await site.OpenAsync(PageKind.Find("home", language).Path);

        // When
        await page.Locator(".site-footer a[href$='accessibility/']").ClickAsync();
        var text = await page.Locator("main").InnerTextAsync();
        var mail = await page.Locator("main a[href^='mailto:']").CountAsync();
        await page.Context.CloseAsync();

        // Then
        Assert.Contains("WCAG", text, StringComparison.Ordinal);
        Assert.Contains("2.2", text, StringComparison.Ordinal);
        Assert.Contains("GB/T 37668-2019", text, StringComparison.Ordinal);
        Assert.Contains(limitsHeading, text, StringComparison.Ordinal);
        Assert.True(mail > 0, "the statement must say how to report a problem");
    }
}
