using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Deploy.Tests;

public sealed partial class AssetFingerprintTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    [Fact]
    public void Should_Link_Pages_To_Stylesheets_Named_By_Their_Content_Hash()
    {
        // Given
        var html = site.Read("en/offices/index.html");
        var theme = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "themes/default/assets/css/site.css"));

        // When
        var href = StylesheetLink().Match(html).Groups["hash"].Value;

        // Then
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(theme))[..10], href);
        Assert.Equal(theme, File.ReadAllBytes(Path.Combine(site.Output, $"assets/css/site.{href}.css")));
        Assert.DoesNotContain("href=\"/portal/assets/css/site.css\"", html);
    }

    [Fact]
    public void Should_Link_Every_Page_To_The_Fingerprinted_Names_Only()
    {
        // Given: every page, the catalogue, data and search pages (made by pipelines of their own) included
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.Contains(pages, p => p.EndsWith("/catalogue/index.html", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.EndsWith("/search/index.html", StringComparison.Ordinal));

        // When
        var plain = pages.Where(p => PlainAssetLink().IsMatch(File.ReadAllText(p))).Select(p => Path.GetRelativePath(site.Output, p)).ToList();

        // Then: no page asks for a name hosts cache for five minutes only, and the layout's stylesheet is on each
        Assert.Empty(plain);
        Assert.All(pages.Where(p => !p.EndsWith("404.html", StringComparison.Ordinal) && File.ReadAllText(p).Contains("<link rel=\"stylesheet\"", StringComparison.Ordinal)), p => Assert.Matches(StylesheetLink(), File.ReadAllText(p)));
    }

    [Fact]
    public void Should_Cache_Fingerprinted_Assets_For_A_Year_And_Pages_Briefly()
    {
        // Given
        var headers = site.Read("_headers");
        var hash = StylesheetLink().Match(site.Read("index.html")).Groups["hash"].Value;

        // When
        var rules = HeaderRules(headers);

        // Then
        Assert.Contains("Cache-Control: public, max-age=300, must-revalidate", rules["/*"]);
        Assert.Contains("Content-Security-Policy: default-src 'self'", rules["/*"][0] + string.Join("\n", rules["/*"]));
        Assert.Equal(["! Cache-Control", "Cache-Control: public, max-age=31536000, immutable"], rules[$"/portal/assets/css/site.{hash}.css"]);
    }

    [Fact]
    public async Task Should_Rename_A_Stylesheet_When_It_Changes()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        File.AppendAllText(temp.Combine("themes/default/assets/css/site.css"), "\n/* changed */\n");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, BaseUrl: PortalSiteFixture.BaseUrl));
        var changed = StylesheetLink().Match(File.ReadAllText(temp.Combine("_site/index.html"))).Groups["hash"].Value;

        // Then
        Assert.True(result.Succeeded);
        Assert.NotEqual(StylesheetLink().Match(site.Read("index.html")).Groups["hash"].Value, changed);
    }

    private static Dictionary<string, List<string>> HeaderRules(string headers)
    {
        var rules = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in headers.Split('\n').Where(l => l.Length > 0))
        {
            if (line.StartsWith(' '))
            {
                current!.Add(line.Trim());
            }
            else
            {
                rules[line] = current = [];
            }
        }

        return rules;
    }

    [GeneratedRegex("href=\"/portal/assets/css/site\\.(?<hash>[0-9a-f]{10})\\.css\"")]
    private static partial Regex StylesheetLink();

    [GeneratedRegex("(href|src)=\"/portal/assets/(css|js)/[a-z-]+\\.(css|js)\"")]
    private static partial Regex PlainAssetLink();
}
