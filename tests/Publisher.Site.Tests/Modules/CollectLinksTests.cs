using Publisher.Site.Modules;

namespace Publisher.Site.Tests.Modules;

public sealed class CollectLinksTests
{
    [Fact]
    public void Should_List_Each_Link_Once_Decoded_In_Page_Order()
    {
        // Given: a page with a repeated link, an encoded query, an image and a form
        const string Html = """
            <a href="/offices/">办事处</a> <a href="/years/2021/">2021</a>
            <img src="/assets/logo.svg" alt=""> <a href="/offices/">again</a>
            <a href="/search/?q=%E6%B3%95&amp;year=2021">search</a> <form action="/search/"></form>
            """;

        // When
        var links = CollectLinks.Of(Html);

        // Then: href values first (in order, once each, the query decoded), then src, then action
        Assert.Equal(["/offices/", "/years/2021/", "/search/?q=%E6%B3%95&year=2021", "/assets/logo.svg", "/search/"], links);
    }
}
