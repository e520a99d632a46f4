using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Publisher.Core.Diagnostics;

namespace Publisher.Content.Diagnostics;

/// <summary>
/// Translates diagnostics into the editor's language. The checks write English (the default everywhere else);
/// this catalogue, keyed by diagnostic code, holds the Chinese text of every message and hint. Each English
/// template is matched against the diagnostic's text to recover the values it names, which are put into the
/// Chinese template. A text no template matches is left in English, so nothing is ever lost.
/// </summary>
public sealed partial class DiagnosticCatalog
{
    /// <summary>The language code of the Chinese texts.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>The language code of the English texts.</summary>
    public const string English = "en";

    private readonly FrozenDictionary<string, (Regex Pattern, string Chinese)[]> _byCode;

    private DiagnosticCatalog(IEnumerable<MessageTemplate> templates) =>
        _byCode = templates
            .GroupBy(t => t.Code, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(t => (ToPattern(t.English), t.Chinese)).ToArray(), StringComparer.Ordinal);

    // Made on first use: its patterns took 50–80 ms of every command's start (the command line asks only for
    // Languages), before a build that finds no error and so translates nothing.
    private static readonly Lazy<DiagnosticCatalog> LazyDefault = new(() => new(DiagnosticTexts.All));

    /// <summary>The catalogue of Publisher's own checks.</summary>
    public static DiagnosticCatalog Default => LazyDefault.Value;

    /// <summary>The languages an editor may choose.</summary>
    public static IReadOnlyList<string> Languages { get; } = [Chinese, English];

    /// <summary>The codes that have a Chinese text.</summary>
    public IReadOnlyCollection<string> Codes => _byCode.Keys;

    /// <summary>The diagnostic with its message and hint in <paramref name="language"/>.</summary>
    public Diagnostic Localize(Diagnostic diagnostic, string language)
    {
        if (!string.Equals(language, Chinese, StringComparison.OrdinalIgnoreCase) || !_byCode.TryGetValue(diagnostic.Code, out var templates))
        {
            return diagnostic;
        }

        return diagnostic with { Message = Translate(diagnostic.Message, templates), Hint = Translate(diagnostic.Hint, templates) };
    }

    /// <summary>True when <paramref name="text"/> of a <paramref name="code"/> diagnostic has a Chinese template.</summary>
    public bool Translates(string code, string text) =>
        _byCode.TryGetValue(code, out var templates) && templates.Any(t => t.Pattern.IsMatch(text));

    private static string Translate(string text, (Regex Pattern, string Chinese)[] templates)
    {
        if (text.Length == 0)
        {
            return text;
        }

        foreach (var (pattern, chinese) in templates)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                // Not string.Format: the texts quote '{' and '}' literally (YAML brackets).
                return Placeholder().Replace(chinese, m => TranslateSuggestion(match.Groups[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1].Value));
            }
        }

        return text;
    }

    // Suggestions.DidYouMean writes "Did you mean 'x'?" inside hints.
    private static string TranslateSuggestion(string value) => DidYouMean().Replace(value, "是不是要写“$1”？");

    private static Regex ToPattern(string english)
    {
        var parts = Placeholder().Split(english);
        var pattern = string.Concat(parts.Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : "(.*?)"));
        return new Regex("^" + pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"Did you mean '([^']*)'\? ?")]
    private static partial Regex DidYouMean();
}
