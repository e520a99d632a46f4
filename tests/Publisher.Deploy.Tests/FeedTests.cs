using System.Xml.Linq;

namespace Publisher.Deploy.Tests;

public sealed class FeedTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static TheoryData<string> Feeds => new()
    {
        "feed.xml",
        "en/feed.xml",
        "offices/ganquan-road/feed.xml",
        "en/offices/ganquan-road/feed.xml",
        "offices/yuepu/feed.xml",
        "en/offices/zhangmiao/feed.xml",
    };

    [Theory]
    [MemberData(nameof(Feeds))]
    public void Should_Carry_The_Required_Atom_Elements(string file)
    {
        // Given
        var feed = XDocument.Parse(site.Read(file)).Root!;

        // When
        var entries = feed.Elements(Atom + "entry").ToList();

        // Then: RFC 4287 4.1.1 — id, title, updated, an author, and (recommended) a self link.
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.StartsWith("https://example.gov.cn/portal/", feed.Element(Atom + "id")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")!.Value));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "author")?.Element(Atom + "name")?.Value));
        var self = feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("https://example.gov.cn/portal/" + file, (string?)self.Attribute("href"));
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            // RFC 4287 4.1.2 — id, title, updated, and a link to the page (no content element, so an alternate link is required).
            Assert.StartsWith("https://example.gov.cn/portal/", entry.Element(Atom + "id")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
            var alternate = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate");
            Assert.Equal(entry.Element(Atom + "id")!.Value, (string?)alternate.Attribute("href"));
        }
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public void Should_Date_The_Feed_By_Its_Newest_Entry(string file)
    {
        // Given
        var feed = XDocument.Parse(site.Read(file)).Root!;

        // When
        var updated = DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value);
        var newest = feed.Elements(Atom + "entry").Max(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value));

        // Then: the date comes from the content, not the clock, so rebuilding gives the same bytes.
        Assert.Equal(newest, updated);
    }

    [Fact]
    public void Should_Write_Entries_In_The_Feed_Language()
    {
        // Given
        var english = XDocument.Parse(site.Read("en/offices/ganquan-road/feed.xml")).Root!;

        // When
        var title = english.Elements(Atom + "entry")
            .Single(e => e.Element(Atom + "id")!.Value.EndsWith("/en/ganquan-road/2021/rule-of-law-report/", StringComparison.Ordinal))
            .Element(Atom + "title")!.Value;

        // Then
        Assert.Equal("en", (string?)english.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("2021 Report on Building a Law-Based Government, Ganquan Road Subdistrict", title);
    }

    [Theory]
    [InlineData("index.html", "/portal/feed.xml")]
    [InlineData("en/ganquan-road/2021/rule-of-law-report/index.html", "/portal/en/feed.xml")]
    [InlineData("offices/ganquan-road/index.html", "/portal/offices/ganquan-road/feed.xml")]
    [InlineData("en/offices/yuepu/index.html", "/portal/en/offices/yuepu/feed.xml")]
    public void Should_Announce_Feeds_In_The_Page_Head(string page, string feed)
    {
        // Given
        var html = site.Read(page);

        // When
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];

        // Then
        Assert.Matches($"<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"{feed}\">", head);
    }
}
