using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Publisher.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(SiteServerFixture site, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Should_WriteScreenshotOfEveryPageKind_When_ShownAtDesktopAndPhoneWidths()
    {
        // Given
        var written = new List<string>();

        // When
        foreach (var kind in PageKind.All)
        {
            foreach (var (device, width) in new[] { ("desktop", 1280), ("phone", 375) })
            {
                var page = await site.OpenAsync(kind.Path, width: width, height: 800);
                var file = Path.Combine(site.ScreenshotFolder, $"{kind.Name}-{kind.Language}-{device}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                await page.Context.CloseAsync();
                written.Add(file);
            }
        }

        // Then
        output.WriteLine($"{written.Count} screenshots in {site.ScreenshotFolder}");
        Console.WriteLine($"{written.Count} screenshots in {site.ScreenshotFolder}");
        foreach (var file in written)
        {
            var header = File.ReadAllBytes(file).AsSpan(0, 8).ToArray();
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, header);
        }
    }
}
