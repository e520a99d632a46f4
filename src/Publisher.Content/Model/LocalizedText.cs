using System.Collections.Immutable;

namespace Publisher.Content.Model;

/// <summary>A text in several languages, keyed by language code (zh-CN, en).</summary>
/// <param name="Values">The text per language.</param>
public sealed record LocalizedText(ImmutableSortedDictionary<string, string> Values)
{
    /// <summary>The text in <paramref name="language"/>, or in Chinese, or any, or empty.</summary>
    public string In(string language) =>
        Values.TryGetValue(language, out var value) ? value
        : Values.TryGetValue("zh-CN", out var chinese) ? chinese
        : Values.Values.FirstOrDefault() ?? string.Empty;

    /// <summary>True when the text exists in <paramref name="language"/> itself (no fallback).</summary>
    public bool Has(string language) => Values.ContainsKey(language);
}
