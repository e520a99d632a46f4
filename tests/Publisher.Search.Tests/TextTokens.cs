using CsCheck;
using Publisher.Search.Indexing;

namespace Publisher.Search.Tests;

/// <summary>
/// Generators of awkward text for the property tests: Chinese with full-width punctuation and digits, English
/// with capitals and hyphens, and characters whose normal form differs or depends on their neighbours
/// (ligatures, combining marks, compatibility ideographs, kana voicing, Hangul jamo, surrogate pairs).
/// </summary>
internal static class TextTokens
{
    public static readonly string[] Tokens =
    [
        "依法行政", "法治政府建设", "法", "普法", "，", "。", "、", "（", "）", "〔", "〕", "《", "》", "“", "”", "…", "·", "\u3000",
        "２０２１", "Ｒｅｐｏｒｔｓ", "ＡＢＣ", "2020", "34号", "Reports", "reported", "REPORTING", "rule-of-law", "law", "of", "the",
        "agreed", "hopping", "happy", "cities", "a", "ok", " ", "  ", "\n", "\r\n", "\t", "-", "—", "‐", "–", ":", "_", "#", "&", "<",
        "\"", "'", "\\", "é", "É", "e\u0301", "\u0301", "\u0327", "ﬁ", "Ⅻ", "①", "㈱", "x²", "ß", "İ", "Σ", "ǅ", "Ⓐ", "ｶ", "が",
        "か\u3099", "ゟ", "한국", "\u1100\u1161", "\u11A8", "𠀋", "𠀋𠀌", "豈", "⼀", "〶", "\u00A0", "\u2028", "office:x", "kind:y",
    ];

    public static Gen<string> Text(int maxTokens) => Gen.OneOf(Tokens).Array[0, maxTokens].Select(string.Concat);

    public static Gen<SearchDocument> Document { get; } =
        Gen.Select(Text(8), Text(60), Gen.Int[0, 10], Gen.OneOf<string?>(null, "ganquan-road", "yuepu"), Gen.OneOf<string?>(null, "", "甘泉路街道", "Ganquan Road"), Gen.Int[2018, 2023], Gen.OneOf("annual-report", "disclosure", "page"))
            .SelectMany(d => Gen.Select(Gen.OneOf<string?>(null, "年度报告", "Annual Report"), Gen.OneOf<string?>(null, "", "石办〔2020〕34号", "Ｎｏ．５", "abc"), Gen.Bool, Text(20), Gen.Int[0, 30]), (d, e) => new SearchDocument
            {
                Url = "/" + d.Item6 + "/" + e.Item5 + "/",
                Title = d.Item1,
                Body = string.Concat(Enumerable.Repeat(d.Item2, 1 + (d.Item3 * d.Item3))),
                Summary = e.Item3 ? e.Item4 : null,
                Office = d.Item4,
                OfficeName = d.Item5,
                Year = d.Item6 == 2018 ? null : d.Item6,
                Kind = d.Item7,
                KindName = e.Item1,
                DocNumber = e.Item2,
            });
}
