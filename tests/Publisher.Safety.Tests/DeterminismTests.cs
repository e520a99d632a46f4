using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Safety.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public async Task Should_Write_Byte_Identical_Sites_When_Built_With_One_And_Eight_Threads()
    {
        // Given
        using var temp = new TempDirectory();
        var config = GeneratedSite.Create(temp, 400);

        // When
        var serial = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "serial", MaxDegreeOfParallelism: 1));
        var parallel = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, "parallel", MaxDegreeOfParallelism: 8));

        // Then
        Assert.True(serial.Succeeded && parallel.Succeeded, string.Join('\n', serial.Diagnostics.Concat(parallel.Diagnostics)));
        var first = SampleSite.Snapshot(temp.Combine("serial"));
        var second = SampleSite.Snapshot(temp.Combine("parallel"));
        Assert.True(first.Count > 2 * 400, $"only {first.Count} files");
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(second[pair.Key]), pair.Key));
    }
}
