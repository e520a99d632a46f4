using System.Text.RegularExpressions;
using Publisher.Testing;

namespace Publisher.Site.Tests;

public sealed partial class SampleSiteTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    public static TheoryData<string> Offices => new() { "ganquan-road", "shiquan-road", "caoyang-xincun", "zhangmiao", "yuepu" };

    public static TheoryData<string> Reports => new()
    {
        "ganquan-road/2021/rule-of-law-report",
        "shiquan-road/2020/rule-of-law-report",
        "caoyang-xincun/2021/rule-of-law-report",
        "zhangmiao/2020/rule-of-law-report",
        "yuepu/2021/rule-of-law-report",
    };

    [Fact]
    public void Should_Build_Without_Errors()
    {
        Assert.True(site.Result.Succeeded, string.Join("\n", site.Result.Diagnostics));
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("offices/index.html")]
    [InlineData("years/index.html")]
    [InlineData("years/2020/index.html")]
    [InlineData("years/2021/index.html")]
    [InlineData("404.html")]
    [InlineData("feed.xml")]
    public void Should_Write_Every_Listing_Page_In_Both_Languages(string page)
    {
        Assert.True(File.Exists(Path.Combine(site.Output, page)), page);
        Assert.True(File.Exists(Path.Combine(site.Output, "en", page)), "en/" + page);
    }

    [Theory]
    [MemberData(nameof(Offices))]
    public void Should_Write_An_Office_Page_Listing_Its_Reports_In_Both_Languages(string office)
    {
        // When
        var chinese = site.Read($"offices/{office}/index.html");
        var english = site.Read($"en/offices/{office}/index.html");

        // Then
        Assert.Contains($"href=\"/{office}/", chinese);
        Assert.Contains($"href=\"/en/{office}/", english);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Should_Show_The_Official_Metadata_On_Each_Report_Page(string report)
    {
        // When
        var chinese = site.Read(report + "/index.html");
        var english = site.Read("en/" + report + "/index.html");

        // Then
        Assert.Contains("<dl class=\"metadata official-metadata\">", chinese);
        Assert.Contains("<dt>发布机关</dt>", chinese);
        Assert.Contains("<dt>成文日期</dt>", chinese);
        Assert.Matches("<time datetime=\"\\d{4}-\\d{2}-\\d{2}\">", chinese);
        Assert.Contains("<dt>Issuing office</dt>", english);
        Assert.Contains("<html lang=\"en\">", english);
    }

    [Fact]
    public void Should_Show_Document_Numbers_From_The_Front_Matter()
    {
        Assert.Contains("石办〔2020〕34号", site.Read("shiquan-road/2020/rule-of-law-report/index.html"));
        Assert.Contains("宝月府〔2022〕1号", site.Read("yuepu/2021/rule-of-law-report/index.html"));
    }

    [Fact]
    public void Should_Write_Chinese_As_Characters_Not_Entities()
    {
        var html = site.Read("index.html");
        Assert.Contains("法治政府建设", html);
        Assert.DoesNotMatch("&#x[0-9A-Fa-f]{4};", html);
        Assert.DoesNotMatch("&#x[0-9A-Fa-f]{4};", site.Read("en/shiquan-road/2020/rule-of-law-report/index.html"));
    }

    [Fact]
    public void Should_Link_Language_Versions_Both_Ways()
    {
        // When
        var chinese = site.Read("zhangmiao/2020/rule-of-law-report/index.html");
        var english = site.Read("en/zhangmiao/2020/rule-of-law-report/index.html");

        // Then
        Assert.Contains("hreflang=\"en\" href=\"https://reports.example.gov.cn/en/zhangmiao/2020/rule-of-law-report/\"", chinese);
        Assert.Contains("hreflang=\"zh-CN\" href=\"https://reports.example.gov.cn/zhangmiao/2020/rule-of-law-report/\"", english);
        Assert.Contains("<a href=\"/en/zhangmiao/2020/rule-of-law-report/\" rel=\"alternate\" hreflang=\"en\" lang=\"en\">", chinese);
        Assert.Contains("<a href=\"/zhangmiao/2020/rule-of-law-report/\" rel=\"alternate\" hreflang=\"zh-CN\" lang=\"zh-CN\">", english);
    }

    [Fact]
    public void Should_Say_The_Full_Text_Is_In_Chinese_On_An_Untranslated_English_Page()
    {
        // When
        var english = site.Read("en/yuepu/2021/rule-of-law-report/index.html");

        // Then
        Assert.Contains("full text is available in Chinese", english);
        Assert.Contains("<a href=\"/yuepu/2021/rule-of-law-report/\" hreflang=\"zh-CN\" lang=\"zh-CN\">", english);
        Assert.DoesNotContain("class=\"document-body\"", english);
    }

    [Fact]
    public void Should_Show_The_Translation_When_One_Exists()
    {
        // Given
        var translation = Path.Combine(RepositoryRoot.Path, "content/ganquan-road/2021/rule-of-law-report.en.md");
        Assert.True(File.Exists(translation), "the sample content has an English translation of the Ganquan Road report");

        // When
        var english = site.Read("en/ganquan-road/2021/rule-of-law-report/index.html");

        // Then
        Assert.Contains("class=\"document-body\"", english);
        Assert.DoesNotContain("full text is available in Chinese", english);
    }

    [Fact]
    public void Should_List_The_Headings_In_An_On_This_Page_Navigation()
    {
        // When
        var html = site.Read("ganquan-road/2021/rule-of-law-report/index.html");
        var links = ContentsLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

        // Then
        Assert.NotEmpty(links);
        Assert.All(links, id => Assert.Contains($"id=\"{id}\"", html));
    }

    [Fact]
    public void Should_Have_No_Inline_Script_Or_Style()
    {
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            // A JSON-LD data block is not executed, so CSP script-src does not apply to it.
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)(?! type=\"application/ld\\+json\">)", html);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotContain(" style=", html);
        }
    }

    [GeneratedRegex("<li class=\"level-\\d\"><a href=\"#([^\"]+)\">")]
    private static partial Regex ContentsLink();
}
