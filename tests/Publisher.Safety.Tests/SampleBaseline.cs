using Publisher.Core.Execution;
using Publisher.Site;
using Publisher.Site.Pipelines;
using Publisher.Testing;

namespace Publisher.Safety.Tests;

/// <summary>The pages a clean build of the sample site writes, built once for every test that compares.</summary>
public static class SampleBaseline
{
    private static readonly Lazy<Task<IReadOnlyList<string>>> Pages = new(BuildAsync);

    public static Task<IReadOnlyList<string>> PagesAsync() => Pages.Value;

    public static IReadOnlyList<string> PagesOf(BuildResult result) =>
        result.Outputs.TryGetValue(nameof(PagesPipeline), out var pages) ? [.. pages.Select(p => p.Destination).Order(StringComparer.Ordinal)] : [];

    private static async Task<IReadOnlyList<string>> BuildAsync()
    {
        using var temp = new TempDirectory();
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(SampleSite.CopyTo(temp)));
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return PagesOf(result);
    }
}
