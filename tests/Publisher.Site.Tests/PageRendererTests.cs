using Publisher.Site.Rendering;
using Publisher.Testing;
using RazorLight;

namespace Publisher.Site.Tests;

public sealed class PageRendererTests
{
    private const string RazorCache = ".publisher-cache/razor";

    [Fact]
    public async Task Should_Compile_Nothing_And_Write_The_Same_Bytes_When_The_Site_Is_Built_Again()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "first", Incremental: false))).Succeeded);
        var cacheBefore = CacheEntries(temp);

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "second", Incremental: false));

        // Then
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.NotEmpty(cacheBefore);
        Assert.Equal(cacheBefore, CacheEntries(temp));
        var first = SampleSite.Snapshot(temp.Combine("first"));
        var second = SampleSite.Snapshot(temp.Combine("second"));
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(second[pair.Key]), pair.Key));
    }

    [Fact]
    public async Task Should_Load_Templates_From_The_Cache_And_Render_Like_An_Uncached_Renderer()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("theme/layouts/_Layout.cshtml", "<html lang=\"zh-CN\"><body>@RenderBody()</body></html>");
        temp.Write("theme/layouts/Page.cshtml", "@model string\n@{ Layout = \"_Layout.cshtml\"; }\n<p>@Model</p>");
        var model = "甘泉路街道 <法治>";
        var uncached = await new PageRenderer(temp.Combine("theme")).RenderAsync("Page.cshtml", model);
        var cold = new PageRenderer(temp.Combine("theme"), temp.Combine("cache"));
        var coldHtml = await cold.RenderAsync("Page.cshtml", model);

        // When
        var warm = new PageRenderer(temp.Combine("theme"), temp.Combine("cache"));
        var warmHtml = await warm.RenderAsync("Page.cshtml", model);

        // Then
        Assert.Equal((0, 2), (cold.TemplatesLoaded, cold.TemplatesCompiled));
        Assert.Equal((2, 0), (warm.TemplatesLoaded, warm.TemplatesCompiled));
        Assert.Equal(uncached, coldHtml);
        Assert.Equal(uncached, warmHtml);
        Assert.Contains("<p>甘泉路街道 &lt;法治&gt;</p>", warmHtml);
    }

    [Fact]
    public async Task Should_Compile_Only_The_Changed_Template_And_Show_The_Change_When_A_Template_Is_Edited()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var cacheBefore = CacheEntries(temp);
        var home = temp.Combine("themes/default/layouts/Home.cshtml");
        File.WriteAllText(home, File.ReadAllText(home).Replace("<h1>@Model.Title</h1>", "<h1>@Model.Title</h1>\n<p class=\"edited\">模板已修改</p>", StringComparison.Ordinal));

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var cacheAfter = CacheEntries(temp);
        Assert.Single(cacheAfter.Keys.Except(cacheBefore.Keys));
        Assert.All(cacheBefore, pair => Assert.Equal(pair.Value, cacheAfter[pair.Key]));
        Assert.Contains("<p class=\"edited\">模板已修改</p>", File.ReadAllText(temp.Combine("_site/index.html")));
        Assert.Contains("<p class=\"edited\">模板已修改</p>", File.ReadAllText(temp.Combine("_site/en/index.html")));
    }

    [Fact]
    public async Task Should_Ignore_And_Replace_Damaged_Cache_Entries()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "first", Incremental: false))).Succeeded);
        var entries = Directory.GetFiles(temp.Combine(RazorCache)).Order(StringComparer.Ordinal).ToList();
        var keys = Keys(CacheEntries(temp));
        var garbage = System.Text.Encoding.UTF8.GetBytes("not an assembly");
        File.Delete(entries[0]);
        File.WriteAllBytes(Path.Combine(temp.Combine(RazorCache), Path.GetFileName(entries[0])[..65] + Sha(garbage) + ".dll"), garbage);
        var truncated = File.ReadAllBytes(entries[1]);
        File.WriteAllBytes(entries[1], truncated[..(truncated.Length / 2)]);
        var flipped = File.ReadAllBytes(entries[2]);
        flipped[flipped.Length / 2] ^= 0xFF;
        File.WriteAllBytes(entries[2], flipped);

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "second", Incremental: false));

        // Then
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var first = SampleSite.Snapshot(temp.Combine("first"));
        var second = SampleSite.Snapshot(temp.Combine("second"));
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(second[pair.Key]), pair.Key));
        var repaired = CacheEntries(temp);
        Assert.Equal(keys, Keys(repaired));
        Assert.All(repaired, pair => Assert.Equal(pair.Key[65..^4], pair.Value.Sha));
    }

    [Fact]
    public async Task Should_Report_The_Razor_Error_And_Cache_Nothing_For_A_Template_That_Does_Not_Compile()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var home = temp.Combine("themes/default/layouts/Home.cshtml");
        var original = File.ReadAllText(home);
        File.WriteAllText(home, original.Replace("<h1>@Model.Title</h1>", "<h1>@Model.NoSuchTitle</h1>", StringComparison.Ordinal));

        // When
        var broken = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        var cacheAfterError = CacheEntries(temp);
        File.WriteAllText(home, original);
        var fixedBuild = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.Message.Contains("NoSuchTitle", StringComparison.Ordinal));
        Assert.True(fixedBuild.Succeeded, string.Join('\n', fixedBuild.Diagnostics));
        Assert.Single(CacheEntries(temp).Keys.Except(cacheAfterError.Keys));
    }

    [Fact]
    public async Task Should_Compile_Every_Template_The_Cache_Lacks_Ahead_Of_The_First_Render()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("theme/layouts/_Layout.cshtml", "<html><body>@RenderBody()</body></html>");
        temp.Write("theme/layouts/Page.cshtml", "@model string\n@{ Layout = \"_Layout.cshtml\"; }\n<p>@Model</p>");
        temp.Write("theme/layouts/Other.cshtml", "@model string\n<p>@Model</p>");
        var first = new PageRenderer(temp.Combine("theme"), temp.Combine("cache"));

        // When
        await first.CompileMissingTemplatesAsync(CancellationToken.None);
        var compiledAhead = first.TemplatesCompiled;
        var html = await first.RenderAsync("Page.cshtml", "甘泉路");
        var next = new PageRenderer(temp.Combine("theme"), temp.Combine("cache"));
        await next.CompileMissingTemplatesAsync(CancellationToken.None);

        // Then
        Assert.Equal(3, compiledAhead);
        Assert.Equal(3, first.TemplatesCompiled);
        Assert.Equal("<html><body><p>甘泉路</p></body></html>", html);
        Assert.Equal(3, Directory.GetFiles(temp.Combine("cache/razor"), "*.dll").Length);
        Assert.Equal((0, 0), (next.TemplatesLoaded, next.TemplatesCompiled));
    }

    [Fact]
    public async Task Should_Leave_A_Template_That_Does_Not_Compile_For_The_Render_That_Uses_It()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("theme/layouts/Good.cshtml", "@model string\n<p>@Model</p>");
        temp.Write("theme/layouts/Broken.cshtml", "@model string\n<p>@Model.NoSuchLength</p>");
        var renderer = new PageRenderer(temp.Combine("theme"), temp.Combine("cache"));

        // When
        await renderer.CompileMissingTemplatesAsync(CancellationToken.None);
        var error = await Assert.ThrowsAnyAsync<RazorLightException>(() => renderer.RenderAsync("Broken.cshtml", "x"));

        // Then
        Assert.Contains("NoSuchLength", error.Message, StringComparison.Ordinal);
        Assert.Equal("<p>x</p>", await renderer.RenderAsync("Good.cshtml", "x"));
        Assert.Single(Directory.GetFiles(temp.Combine("cache/razor"), "*.dll"));
    }

    [Fact]
    public void Should_Find_The_Source_Generator_RazorLight_Builds()
    {
        // Given
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("layouts"));
        var engine = new RazorLightEngineBuilder().UseFileSystemProject(temp.Combine("layouts")).Build();

        // When
        var generator = PageRenderer.SourceGeneratorOf(engine);

        // Then
        Assert.NotNull(generator.ProjectEngine);
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static List<string> Keys(SortedDictionary<string, (DateTime Written, string Sha)> entries) => [.. entries.Keys.Select(name => name[..64])];

    /// <summary>Every cache entry: file name → last write time and content hash, so a rewrite shows even with equal bytes.</summary>
    private static SortedDictionary<string, (DateTime Written, string Sha)> CacheEntries(TempDirectory temp) =>
        new(Directory.GetFiles(temp.Combine(RazorCache)).ToDictionary(
            f => Path.GetFileName(f),
            f => (File.GetLastWriteTimeUtc(f), Sha(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);
}
