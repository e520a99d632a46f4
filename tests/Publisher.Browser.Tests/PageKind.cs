namespace Publisher.Browser.Tests;

/// <summary>One kind of page of the portal, in one language, at a path the sample site has.</summary>
public sealed record PageKind(string Name, string Language, string Path, int Status = 200)
{
    /// <summary>Every page kind the issue names, in both languages.</summary>
    public static IReadOnlyList<PageKind> All { get; } =
    [
        new("home", "zh-CN", "/"),
        new("home", "en", "/en/"),
        new("offices", "zh-CN", "/offices/"),
        new("offices", "en", "/en/offices/"),
        new("office", "zh-CN", "/offices/ganquan-road/"),
        new("office", "en", "/en/offices/ganquan-road/"),
        new("years", "zh-CN", "/years/"),
        new("years", "en", "/en/years/"),
        new("year", "zh-CN", "/years/2021/"),
        new("year", "en", "/en/years/2021/"),
        new("translated-document", "zh-CN", "/ganquan-road/2021/rule-of-law-report/"),
        new("translated-document", "en", "/en/ganquan-road/2021/rule-of-law-report/"),
        new("untranslated-document", "zh-CN", "/yuepu/2021/rule-of-law-report/"),
        new("untranslated-document", "en", "/en/yuepu/2021/rule-of-law-report/"),
        new("wide-table-document", "zh-CN", "/" + SiteServerFixture.WideTablePath),
        new("not-found", "zh-CN", "/no-such-page/", 404),
        new("not-found", "en", "/en/no-such-page/", 404),
        new("about", "zh-CN", "/about/"),
        new("about", "en", "/en/about/"),
        new("accessibility", "zh-CN", "/accessibility/"),
        new("accessibility", "en", "/en/accessibility/"),
    ];

    /// <summary>xunit theory data: one row per page kind.</summary>
    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in All)
        {
            data.Add(kind.Name, kind.Language);
        }

        return data;
    }

    public static PageKind Find(string name, string language) =>
        All.Single(k => k.Name == name && k.Language == language);

    public override string ToString() => $"{Name} ({Language}) {Path}";
}
