using Publisher.Core.Execution;
using Publisher.Site;
using Publisher.Testing;

namespace Publisher.Deploy.Tests;

/// <summary>Builds the repository's sample site once, for https://example.gov.cn/portal/.</summary>
public sealed class PortalSiteFixture : IAsyncLifetime
{
    public const string BaseUrl = "https://example.gov.cn/portal/";

    private readonly TempDirectory _temp = new();

    public string Output => _temp.Combine("_site");

    public BuildResult Result { get; private set; } = null!;

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public async Task InitializeAsync()
    {
        var config = SampleSite.CopyTo(_temp);
        Result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(config, BaseUrl: BaseUrl));
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
