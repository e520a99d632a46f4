using Publisher.Testing;

namespace Publisher.Site.Tests;

public sealed class IncrementalBuildTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Should_Equal_A_Clean_Build_Byte_For_Byte_When_Files_Are_Edited_Added_Renamed_And_Deleted_At_Random(int seed)
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        var random = new Random(seed);
        var first = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));

        for (var round = 0; round < 4; round++)
        {
            var changes = new List<string>();
            for (var step = random.Next(1, 4); step > 0; step--)
            {
                changes.Add(ChangeAtRandom(temp, random, round));
            }

            // When
            var incremental = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));
            var clean = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, $"clean-{round}", Incremental: false));

            // Then
            var because = $"round {round}: {string.Join("; ", changes)}";
            Assert.True(incremental.Succeeded, because + string.Join("\n", incremental.Diagnostics));
            Assert.True(clean.Succeeded, because + string.Join("\n", clean.Diagnostics));
            var actual = SampleSite.Snapshot(temp.Combine("_site"));
            var expected = SampleSite.Snapshot(temp.Combine($"clean-{round}"));
            Assert.Equal(expected.Keys, actual.Keys);
            Assert.All(expected, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(actual[pair.Key]), $"{pair.Key} differs after {because}"));
            Assert.Equal(
                Directory.EnumerateDirectories(temp.Combine($"clean-{round}"), "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(temp.Combine($"clean-{round}"), d)).Order(),
                Directory.EnumerateDirectories(temp.Combine("_site"), "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(temp.Combine("_site"), d)).Order());
            if (!changes.Any(c => c.StartsWith("office", StringComparison.Ordinal)))
            {
                Assert.True(incremental.Statistics.FilesWritten < clean.Statistics.FilesWritten, $"the incremental build rewrote every file after {because}");
            }
        }
    }

    [Fact]
    public async Task Should_Render_Only_The_Edited_Document_When_One_File_Changes()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        var before = SampleSite.Snapshot(temp.Combine("_site"));
        var report = temp.Combine("content/yuepu/2021/rule-of-law-report.md");
        File.AppendAllText(report, "\n新增的一段文字。\n");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.True(result.Succeeded);
        var after = SampleSite.Snapshot(temp.Combine("_site"));
        var changed = after.Where(p => !before.TryGetValue(p.Key, out var old) || !old.AsSpan().SequenceEqual(p.Value)).Select(p => p.Key).ToList();
        Assert.Contains("yuepu/2021/rule-of-law-report/index.html", changed);
        Assert.DoesNotContain("ganquan-road/2021/rule-of-law-report/index.html", changed);
        Assert.Contains("新增的一段文字", File.ReadAllText(temp.Combine("_site/yuepu/2021/rule-of-law-report/index.html")));
    }

    [Fact]
    public async Task Should_Start_Clean_When_A_Previous_Sync_Was_Interrupted()
    {
        // Given
        using var temp = new TempDirectory();
        var config = SampleSite.CopyTo(temp);
        Assert.True((await SiteBuilder.BuildAsync(new SiteBuilder.Request(config))).Succeeded);
        File.WriteAllText(temp.Combine("_site/yuepu/2021/rule-of-law-report/index.html"), "half-written");
        File.WriteAllText(temp.Combine(".publisher-cache/sync-in-progress"), "interrupted");

        // When
        var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config));

        // Then
        Assert.True(result.Succeeded);
        Assert.Contains("<html", File.ReadAllText(temp.Combine("_site/yuepu/2021/rule-of-law-report/index.html")));
        Assert.False(File.Exists(temp.Combine(".publisher-cache/sync-in-progress")));
    }

    private static string ChangeAtRandom(TempDirectory temp, Random random, int round)
    {
        var originals = Directory.EnumerateFiles(temp.Combine("content"), "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".en.md", StringComparison.Ordinal) && !f.Contains("/pages/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var file = originals[random.Next(originals.Count)];
        var translation = file[..^3] + ".en.md";
        var slug = Path.GetFileNameWithoutExtension(file);
        var name = $"{slug}-r{round}-{random.Next(1000)}";
        switch (random.Next(originals.Count > 3 ? 7 : 5))
        {
            case 0:
                File.AppendAllText(file, $"\n第{random.Next(100)}段：新增的修改内容。\n");
                return $"edit body {slug}";
            case 1:
                File.WriteAllText(file, File.ReadAllText(file).Replace("title: ", $"title: 修订{random.Next(100)}", StringComparison.Ordinal));
                return $"edit title {slug}";
            case 2:
                File.Copy(file, Path.Combine(Path.GetDirectoryName(file)!, name + ".md"));
                return $"add {name}";
            case 3:
                File.WriteAllText(translation, $"---\ntitle: \"English title {random.Next(100)}\"\n---\n\nEnglish text.\n");
                return $"write translation of {slug}";
            case 4:
                var office = Directory.EnumerateFiles(temp.Combine("content/offices"), "*.yml").Order(StringComparer.Ordinal).ElementAt(random.Next(5));
                File.WriteAllText(office, File.ReadAllText(office).Replace("en: ", $"en: Renamed{random.Next(100)} ", StringComparison.Ordinal));
                return $"office renamed {Path.GetFileName(office)}";
            case 5:
                File.Move(file, Path.Combine(Path.GetDirectoryName(file)!, name + ".md"));
                if (File.Exists(translation))
                {
                    File.Move(translation, Path.Combine(Path.GetDirectoryName(file)!, name + ".en.md"));
                }

                return $"rename {slug} to {name}";
            default:
                File.Delete(file);
                File.Delete(translation);
                return $"delete {slug}";
        }
    }
}
