using System.Collections.Immutable;
using System.Globalization;
using Publisher.Content.Text;
using Publisher.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Publisher.Content.FrontMatter;

/// <summary>Reads typed fields out of a YAML mapping, collecting every problem with its position.</summary>
public sealed class FieldReader
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);
    private readonly int _lineOffset;

    /// <summary>Wraps a mapping read from <paramref name="file"/>, whose YAML starts on <paramref name="firstLine"/>.</summary>
    public FieldReader(YamlMappingNode mapping, string file, int firstLine)
    {
        File = file;
        _lineOffset = firstLine - 1;
        Start = YamlDocumentReader.Locate(mapping, file, _lineOffset) is { Line: > 0 } start ? start : new SourceSpan(file, firstLine, 1);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!_fields.TryAdd(name, (key, value)))
            {
                Error("PUB0111", key, $"'{name}' appears twice in the front matter.", "Keep one of the two lines.");
            }
        }
    }

    /// <summary>The file being read.</summary>
    public string File { get; }

    /// <summary>Where the mapping starts, for errors about missing fields.</summary>
    public SourceSpan Start { get; }

    /// <summary>Problems found so far.</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>True when an error was found.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Warns about keys not in <paramref name="known"/>, suggesting the closest known one.</summary>
    public void WarnUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var (name, (key, _)) in _fields.Where(f => !known.Contains(f.Key)))
        {
            Diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Warning,
                "PUB0120",
                Locate(key),
                $"unknown front-matter field '{name}' is ignored.",
                Suggestions.DidYouMean(name, known)));
        }
    }

    /// <summary>A text field, or null when absent; an error when it is not plain text.</summary>
    public string? String(string name, bool required = false)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            Missing(name, required);
            return null;
        }

        if (field.Value is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
        {
            return scalar.Value.Trim();
        }

        if (field.Value is YamlScalarNode)
        {
            Missing(name, required, field.Key);
            return null;
        }

        Error("PUB0121", field.Value, $"'{name}' must be a single text value.", $"Write it on one line: {name}: …");
        return null;
    }

    /// <summary>One of <paramref name="allowed"/>, or null with an error suggesting the closest.</summary>
    public string? Choice(string name, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var value = String(name, required);
        if (value is not null && !allowed.Contains(value))
        {
            var node = _fields[name].Value;
            Error("PUB0122", node, $"'{value}' is not a valid {name}.", $"Use one of: {string.Join(", ", allowed)}. {Suggestions.DidYouMean(value, allowed)}".TrimEnd());
            return null;
        }

        return value;
    }

    /// <summary>An integer within a range.</summary>
    public int? Integer(string name, int min, int max, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error("PUB0123", _fields[name].Value, $"'{name}' must be a whole number from {min} to {max}, not '{text}'.", $"Write it as digits, e.g. {name}: {min + ((max - min) / 2)}");
        return null;
    }

    /// <summary>A real calendar date written yyyy-mm-dd.</summary>
    public DateOnly? Date(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error("PUB0124", _fields[name].Value, $"'{name}' is not a real date: '{text}'.", $"Write a date that exists as yyyy-mm-dd, e.g. {name}: 2021-12-03");
        return null;
    }

    /// <summary>A language-keyed mapping such as <c>{ zh-CN: …, en: … }</c>.</summary>
    public ImmutableSortedDictionary<string, string>? Localized(string name, IReadOnlyCollection<string> requiredLanguages, bool required = false)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            Missing(name, required);
            return null;
        }

        if (field.Value is not YamlMappingNode mapping)
        {
            Error("PUB0125", field.Value, $"'{name}' must give the text per language.", $"Write it as {name}: {{ zh-CN: …, en: … }}");
            return null;
        }

        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } language } && value is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                values[language] = text.Trim();
            }
            else
            {
                Error("PUB0125", value, $"'{name}' must map a language code to a text.", $"Write it as {name}: {{ zh-CN: …, en: … }}");
            }
        }

        foreach (var language in requiredLanguages.Where(l => !values.ContainsKey(l)))
        {
            Error("PUB0126", field.Value, $"'{name}' has no '{language}' text.", $"Add {language}: … inside {name}.");
        }

        return values.ToImmutable();
    }

    /// <summary>A list of mappings (such as attachments), each read by <paramref name="read"/>.</summary>
    public ImmutableArray<T> List<T>(string name, Func<FieldReader, T?> read)
        where T : class
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            return [];
        }

        if (field.Value is not YamlSequenceNode sequence)
        {
            Error("PUB0127", field.Value, $"'{name}' must be a list.", $"Write each item on its own line starting with '- '.");
            return [];
        }

        var items = ImmutableArray.CreateBuilder<T>();
        foreach (var child in sequence.Children)
        {
            if (child is not YamlMappingNode mapping)
            {
                Error("PUB0127", child, $"each item of '{name}' must be a set of fields.", "Write items as '- { file: report.pdf, title: … }'.");
                continue;
            }

            var reader = new FieldReader(mapping, File, _lineOffset + 1);
            var item = read(reader);
            Diagnostics.AddRange(reader.Diagnostics);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items.ToImmutable();
    }

    /// <summary>
    /// A list of text values (such as aliases), each with its position; a single value counts as a list of one.
    /// Each value is checked by <paramref name="problem"/>, which returns why it is not allowed (or null).
    /// </summary>
    public ImmutableArray<(string Value, SourceSpan Location)> Strings(string name, string code, Func<string, string?> problem, string hint)
    {
        if (!_fields.TryGetValue(name, out var field))
        {
            return [];
        }

        IEnumerable<YamlNode> nodes = field.Value is YamlSequenceNode sequence ? sequence.Children : [field.Value];
        var values = ImmutableArray.CreateBuilder<(string, SourceSpan)>();
        foreach (var node in nodes)
        {
            if (node is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                Error("PUB0127", node, $"each item of '{name}' must be a single text value.", hint);
                continue;
            }

            if (problem(text.Trim()) is { } why)
            {
                Error(code, node, $"'{name}' value '{text.Trim()}' is not allowed: {why}.", hint);
                continue;
            }

            values.Add((text.Trim(), Locate(node)));
        }

        return values.ToImmutable();
    }

    /// <summary>The position of every field's value, by field name.</summary>
    public ImmutableSortedDictionary<string, SourceSpan> Locations =>
        _fields.ToImmutableSortedDictionary(f => f.Key, f => Locate(f.Value.Value), StringComparer.Ordinal);

    /// <summary>The position of a field's value, or of the mapping when the field is absent.</summary>
    public SourceSpan LocationOf(string name) =>
        _fields.TryGetValue(name, out var field) ? Locate(field.Value) : Start;

    /// <summary>Adds an error at a field's value (or the mapping's start when absent).</summary>
    public void ErrorAt(string name, string code, string message, string hint) =>
        Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, LocationOf(name), message, hint));

    private void Missing(string name, bool required, YamlNode? at = null)
    {
        if (required)
        {
            Diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                "PUB0130",
                at is null ? Start : Locate(at),
                $"the required field '{name}' is missing or empty.",
                $"Add a line '{name}: …' to the front matter."));
        }
    }

    private void Error(string code, YamlNode node, string message, string hint) =>
        Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, Locate(node), message, hint));

    private SourceSpan Locate(YamlNode node) => YamlDocumentReader.Locate(node, File, _lineOffset);
}
