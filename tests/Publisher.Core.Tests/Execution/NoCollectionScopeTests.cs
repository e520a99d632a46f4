using System.Runtime;
using Publisher.Core.Execution;

namespace Publisher.Core.Tests.Execution;

/// <summary>Alone: the region counts every thread's allocations, and other tests' collections would count here.</summary>
[CollectionDefinition(nameof(NoCollectionScopeTests), DisableParallelization = true)]
public sealed class NoCollectionScopeCollection;

[Collection(nameof(NoCollectionScopeTests))]
public sealed class NoCollectionScopeTests
{
    [Fact]
    public void Should_Not_Stop_For_The_Collector_Within_Its_Budget_And_Give_It_Back_After()
    {
        // Given
        var kept = new List<byte[]>();
        var before = GC.CollectionCount(0);

        // When: 64 MB allocated in 1 KB arrays (thousands of collections' worth of a small first generation)
        using (NoCollectionScope.TryBegin(256L << 20))
        {
            before = GC.CollectionCount(0); // opening the region may collect once
            for (var i = 0; i < 64 * 1024; i++)
            {
                var array = new byte[1024];
                if (i % 1024 == 0)
                {
                    kept.Add(array);
                }
            }

            // Then
            Assert.Equal(0, GC.CollectionCount(0) - before);
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.Equal(64, kept.Count);
    }

    [Fact]
    public void Should_End_By_Itself_When_More_Than_Its_Budget_Is_Allocated()
    {
        // Given / When: twice the budget allocated
        using (NoCollectionScope.TryBegin(16L << 20))
        {
            for (var i = 0; i < 32 * 1024; i++)
            {
                GC.KeepAlive(new byte[1024]);
            }

            // Then: the collector is back in the middle of the work, and leaving the scope is harmless
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
    }
}
