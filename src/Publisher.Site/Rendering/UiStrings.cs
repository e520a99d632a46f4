using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Publisher.Core.Diagnostics;

namespace Publisher.Site.Rendering;

/// <summary>The theme's interface texts for one language, from <c>i18n/&lt;lang&gt;.json</c>.</summary>
public sealed class UiStrings
{
    private readonly ImmutableSortedDictionary<string, string> _values;

    private UiStrings(string language, ImmutableSortedDictionary<string, string> values)
    {
        Language = language;
        _values = values;
    }

    /// <summary>The language of these strings.</summary>
    public string Language { get; }

    /// <summary>All keys, for consistency checks between languages.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The text for <paramref name="key"/>; the key itself in brackets when missing, so gaps show.</summary>
    public string this[string key] => _values.TryGetValue(key, out var value) ? value : $"[{key}]";

    /// <summary>The text for <paramref name="key"/> with <c>{0}</c>-style placeholders filled in.</summary>
    public string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>Loads the strings of every language and checks that each language has the same keys.</summary>
    /// <exception cref="ContentException">A file is missing, invalid, or lacks keys another language has.</exception>
    public static ImmutableSortedDictionary<string, UiStrings> Load(string themeDirectory, IEnumerable<string> languages, string displayRoot)
    {
        var loaded = languages.ToImmutableSortedDictionary(l => l, l => LoadOne(themeDirectory, l, displayRoot), StringComparer.Ordinal);
        var allKeys = loaded.Values.SelectMany(s => s.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var strings in loaded.Values)
        {
            var missing = allKeys.Except(strings.Keys).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new ContentException("PUB0201", new SourceSpan(Display(themeDirectory, strings.Language, displayRoot)), $"the theme's {strings.Language} strings lack: {string.Join(", ", missing)}.", "Add the missing keys so every language shows the same interface.");
            }
        }

        return loaded;
    }

    private static UiStrings LoadOne(string themeDirectory, string language, string displayRoot)
    {
        var path = Path.Combine(themeDirectory, "i18n", language + ".json");
        var display = Display(themeDirectory, language, displayRoot);
        if (!File.Exists(path))
        {
            throw new ContentException("PUB0202", new SourceSpan(display), $"the theme has no interface texts for '{language}'.", $"Create {display} (copy another language's file and translate it).");
        }

        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
            return new UiStrings(language, values.ToImmutableSortedDictionary(StringComparer.Ordinal));
        }
        catch (JsonException ex)
        {
            throw new ContentException("PUB0203", new SourceSpan(display, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1), $"the interface texts are not valid JSON: {ex.Message}", "Each entry is \"key\": \"text\".");
        }
    }

    private static string Display(string themeDirectory, string language, string displayRoot) =>
        Path.GetRelativePath(displayRoot, Path.Combine(themeDirectory, "i18n", language + ".json")).Replace('\\', '/');
}
