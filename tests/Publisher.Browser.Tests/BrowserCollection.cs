namespace Publisher.Browser.Tests;

/// <summary>Every browser test shares one built site, one server and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SiteServerFixture>
{
    public const string Name = "browser";
}
