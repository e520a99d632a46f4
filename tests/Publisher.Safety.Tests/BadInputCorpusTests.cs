using System.Text.Json;
using System.Xml.Linq;
using Publisher.Core.Diagnostics;
using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Safety.Tests;

/// <summary>
/// Runs every case of <c>BadInput/</c> through a real build of the sample site with that case laid over it.
/// What the user sees: every problem in one run, located at file:line:column with a hint and no stack trace;
/// a build with errors exits as failed and publishes nothing (the previous site stays), while every other file
/// is still parsed and rendered in the staging build; nothing that reaches a reader carries script.
/// </summary>
public sealed class BadInputCorpusTests
{
    public static TheoryData<string> Cases() => [.. BadInputCase.Names()];

    [Fact]
    public void Should_Hold_At_Least_Thirty_Cases()
    {
        // Given
        var names = BadInputCase.Names().ToList();

        // When
        var withDiagnostic = names.Select(BadInputCase.Load).Count(c => c.Expected is not null);

        // Then
        Assert.True(withDiagnostic >= 30, $"only {withDiagnostic} cases expect a diagnostic");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_Report_The_Case_At_Its_Place_And_Keep_Every_Other_Page(string name)
    {
        // Given
        var badCase = BadInputCase.Load(name);
        using var temp = new TempDirectory();
        var config = badCase.Apply(temp);
        var baseline = await SampleBaseline.PagesAsync();

        // When
        var build = SiteBuilder.BuildAsync(new SiteBuilder.Request(config, MaxDegreeOfParallelism: 2));
        var finished = await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == build, $"{name}: the build did not finish within 60 s");
        var result = await build;

        // Then
        var all = string.Join('\n', result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain("   at ", d.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "PUB0001" or "PUB0002");
        Assert.Subset(new HashSet<string>(SampleBaseline.PagesOf(result)), new HashSet<string>(baseline));
        if (badCase.Expected is { } expected)
        {
            var severity = expected.Severity == "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            var match = result.Diagnostics.FirstOrDefault(d =>
                d.Code == expected.Code && d.Severity == severity && d.Location == new SourceSpan(expected.File, expected.Line, expected.Column));
            Assert.True(match is not null, $"{name}: expected {expected.File}:{expected.Line}:{expected.Column}: {expected.Severity} {expected.Code}, got:\n{all}");
            Assert.Contains(expected.Message, match.Message, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(match.Hint), $"{name}: the diagnostic says what is wrong but not how to fix it");
            Assert.Equal(severity != DiagnosticSeverity.Error, result.Succeeded);
        }
        else
        {
            Assert.True(result.Succeeded, $"{name}: expected a clean build, got:\n{all}");
        }

        if (result.Succeeded)
        {
            AssertNoScriptReachesAReader(temp.Combine("_site"), name);
        }
        else
        {
            Assert.False(Directory.Exists(temp.Combine("_site")), $"{name}: a failed build published a site");
            Assert.Empty(Directory.EnumerateDirectories(temp.Path, "._site*"));
        }
    }

    [Theory]
    [InlineData("metadata-payloads", "content/zhangmiao/2020/payload.md", "</script><script>alert(1)</script>")]
    [InlineData("office-name-payload", "content/evil/2021/report.md", "报告")]
    public async Task Should_Carry_Payloads_As_Plain_Data_In_Feeds_Sitemap_And_Exports(string name, string source, string title)
    {
        // Given
        var badCase = BadInputCase.Load(name);
        using var temp = new TempDirectory();
        var config = badCase.Apply(temp);

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var site = temp.Combine("_site");
        var key = source["content/".Length..^".md".Length];
        using var data = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site, "data/documents.json")));
        var exported = data.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("key").GetString() == key);
        Assert.Equal(title, exported.GetProperty("title").GetString());
        var feed = XDocument.Load(Path.Combine(site, "feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Descendants(atom + "entry"), e => e.Element(atom + "title")!.Value == title);
        Assert.DoesNotContain(feed.Descendants(), e => e.Name.Namespace != atom);
        var sitemap = XDocument.Load(Path.Combine(site, "sitemap.xml"));
        Assert.Contains(sitemap.Descendants(), e => e.Name.LocalName == "loc" && e.Value.EndsWith($"/{key}/", StringComparison.Ordinal));
        var page = File.ReadAllText(Path.Combine(site, key, "index.html"));
        Assert.Empty(ScriptVectors.InDocument(page));
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg onload", page, StringComparison.Ordinal);
    }

    /// <summary>Every HTML page is free of script vectors; every XML file parses; every JSON file parses.</summary>
    internal static void AssertNoScriptReachesAReader(string site, string name)
    {
        foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(site, file);
            switch (Path.GetExtension(file))
            {
                case ".html":
                    var problems = ScriptVectors.InDocument(File.ReadAllText(file));
                    Assert.True(problems.Count == 0, $"{name}: {relative}: {string.Join("; ", problems)}");
                    break;
                case ".xml":
                    _ = XDocument.Load(file);
                    break;
                case ".json":
                    // Data exports and search indexes parse, and keep '<' escaped so no value can close a <script> they are put in.
                    using (JsonDocument.Parse(File.ReadAllBytes(file)))
                    {
                    }

                    Assert.DoesNotContain("</script", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }
    }
}
