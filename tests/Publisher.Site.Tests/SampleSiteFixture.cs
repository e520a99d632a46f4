using Publisher.Core.Execution;
using Publisher.Testing;

namespace Publisher.Site.Tests;

/// <summary>Builds the repository's sample site once for the tests that read it.</summary>
public sealed class SampleSiteFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string Output => _temp.Combine("out");

    public BuildResult Result { get; private set; } = null!;

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public async Task InitializeAsync() =>
        Result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(Path.Combine(RepositoryRoot.Path, "site.config.json"), Output));

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
