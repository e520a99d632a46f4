namespace Publisher.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SiteServerFixtureTests(SiteServerFixture site)
{
    [SkippableFact]
    public async Task Should_ServeHomePage_When_ChromiumOpensTheRoot()
    {
        // Given
        var page = await site.NewPageAsync();

        // When
        var response = await page.GotoAsync(site.Url("/"));

        // Then
        Assert.Equal(200, response!.Status);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Should_AnswerWithNotFoundPage_When_PathDoesNotExist()
    {
        // Given
        var page = await site.NewPageAsync();

        // When
        var response = await page.GotoAsync(site.Url("/no-such-page/"));

        // Then
        Assert.Equal(404, response!.Status);
        Assert.Equal(1, await page.Locator("main h1").CountAsync());
        await page.Context.CloseAsync();
    }
}
