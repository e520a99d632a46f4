using CsCheck;
using Publisher.Site.Model;

namespace Publisher.Site.Tests.Model;

public sealed class AbsoluteUrlTests
{
    private static readonly string[] Bases = ["https://reports.example.gov.cn/", "https://Example.ORG:443/repo/", "http://localhost:8080/site/", "https://user@example.org/"];

    [Fact]
    public void Should_Give_Exactly_The_Url_That_Uri_Resolution_Gives_For_Any_Link()
    {
        // Given links made of path characters, dot segments, Chinese, spaces, percent signs, queries and fragments
        var segment = Gen.OneOf(
            Gen.String[Gen.Char["abcXYZ019-._~"], 0, 6],
            Gen.OneOf<string>(".", "..", "报告", "a b", "%41", "a?b=1", "#top", "A%2Fb", "é", "", "//"));
        var link = Gen.Select(segment.Array[0, 6], Gen.Bool, (parts, absolute) => (absolute ? "/" : string.Empty) + string.Join('/', parts));

        // When / Then (a link Uri refuses, such as "//", is refused the same way)
        Gen.Select(Gen.OneOf(Bases), link).Sample((baseUrl, l) =>
        {
            string expected;
            try
            {
                expected = new Uri(new Uri(baseUrl), l).AbsoluteUri;
            }
            catch (UriFormatException)
            {
                Assert.Throws<UriFormatException>(() => AbsoluteUrl.Of(baseUrl, l));
                return;
            }

            Assert.Equal(expected, AbsoluteUrl.Of(baseUrl, l));
        }, iter: 20_000);
    }

    [Fact]
    public void Should_Escape_A_Chinese_Path()
    {
        // When
        var url = AbsoluteUrl.Of("https://reports.example.gov.cn/", "/甘泉路/2021/报告/");

        // Then
        Assert.Equal("https://reports.example.gov.cn/%E7%94%98%E6%B3%89%E8%B7%AF/2021/%E6%8A%A5%E5%91%8A/", url);
    }
}
