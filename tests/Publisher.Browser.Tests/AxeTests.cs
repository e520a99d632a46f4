using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace Publisher.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AxeTests(SiteServerFixture site, ITestOutputHelper output)
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

    [SkippableFact]
    public async Task Should_HaveNoAxeViolations_On_EveryPageOfTheSite()
    {
        // Given
        var paths = site.AllPagePaths();
        var problems = new StringBuilder();
        var rules = new HashSet<string>(StringComparer.Ordinal);

        // When
        foreach (var path in paths)
        {
            var page = await site.OpenAsync(path);
            var result = await page.RunAxe(Options());
            await page.Context.CloseAsync();
            rules.UnionWith(result.Passes.Concat(result.Violations).Concat(result.Incomplete).Concat(result.Inapplicable).Select(r => r.Id));
            Describe(path, result, problems);
        }

        // Then
        var summary = $"axe: {paths.Count} pages, {rules.Count} rules ({string.Join(", ", Tags)})";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(paths.Count >= 30, $"expected the whole sample site, found {paths.Count} pages");
        Assert.True(problems.Length == 0, "PUB0610: axe violations:" + Environment.NewLine + problems);
    }

    private static AxeRunOptions Options() => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags },
    };

    private static void Describe(string where, AxeResult result, StringBuilder problems)
    {
        foreach (var violation in result.Violations)
        {
            foreach (var node in violation.Nodes)
            {
                problems.AppendLine($"{where}: {violation.Id} ({violation.Impact}) {violation.Help} at {node.Target}: {node.Html}");
            }
        }
    }
}
