using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Publisher.Content.FrontMatter;
using Publisher.Import.Metadata;
using YamlDotNet.RepresentationModel;

namespace Publisher.Import;

/// <summary>
/// Writes the front matter with the keys of the content model (see notes/COMMON.md). When the input already had
/// front matter, its text is kept as it is (editor fields such as title_en survive) and only missing keys are added.
/// </summary>
internal static partial class FrontMatterWriter
{
    /// <summary>The YAML lines (without the --- fences) for <paramref name="metadata"/>.</summary>
    public static string Write(ImportMetadata metadata, string? existingYaml, IReadOnlyCollection<string> existingKeys)
    {
        var builder = new StringBuilder();
        if (existingYaml is not null)
        {
            builder.Append(existingYaml.TrimEnd('\n')).Append('\n');
        }

        foreach (var (key, value) in Fields(metadata))
        {
            if (value is not null && !existingKeys.Contains(key))
            {
                builder.Append(key).Append(": ").Append(value).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The YAML lines for <paramref name="metadata"/> merged into an existing file's front matter
    /// (<paramref name="targetYaml"/>, without the fences): each importer field whose value changed is rewritten on
    /// its own line, a new one is added after the importer field before it, and every other line — editor fields,
    /// comments, unchanged importer fields — is kept byte for byte, so merging twice gives the same text.
    /// </summary>
    public static string Merge(ImportMetadata metadata, string targetYaml)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in YamlDocumentReader.ReadMapping(targetYaml, "front matter", 1).Children)
        {
            current[((YamlScalarNode)key).Value ?? string.Empty] = value is YamlScalarNode scalar ? scalar.Value ?? string.Empty : "\0";
        }

        var entries = Entries(targetYaml);
        string? previous = null;
        foreach (var (key, raw) in RawFields(metadata))
        {
            var index = entries.FindIndex(e => e.Key == key);
            if (raw is null)
            {
                // The source no longer yields this field: whatever the editor wrote stays.
                previous = index >= 0 ? key : previous;
                continue;
            }

            var line = key + ": " + Yaml(key, raw);
            if (index >= 0)
            {
                if (current.GetValueOrDefault(key) != raw)
                {
                    entries[index] = (key, [line]);
                }
            }
            else
            {
                var after = previous is null ? -1 : entries.FindIndex(e => e.Key == previous);
                var at = after >= 0 ? after + 1 : FirstImporterEntry(entries);
                entries.Insert(at, (key, [line]));
            }

            previous = key;
        }

        var builder = new StringBuilder();
        foreach (var line in entries.SelectMany(e => e.Lines))
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    private static int FirstImporterEntry(List<(string? Key, List<string> Lines)> entries)
    {
        var keys = RawFields(new ImportMetadata()).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var index = entries.FindIndex(e => e.Key is not null && keys.Contains(e.Key));
        return index >= 0 ? index : entries.Count;
    }

    // Splits front matter into top-level entries: a key line with its indented continuation lines, or a single
    // comment or blank line (Key null), so that lines can be replaced without reformatting the rest.
    private static List<(string? Key, List<string> Lines)> Entries(string yaml)
    {
        var entries = new List<(string? Key, List<string> Lines)>();
        foreach (var line in yaml.TrimEnd('\n').Split('\n'))
        {
            var key = TopLevelKey().Match(line);
            if (key.Success)
            {
                entries.Add((key.Groups["k"].Value, [line]));
            }
            else if (entries.Count > 0 && entries[^1].Key is not null && line.Length > 0 && (line[0] == ' ' || line[0] == '\t' || line[0] == '-'))
            {
                entries[^1].Lines.Add(line);
            }
            else
            {
                entries.Add((null, [line]));
            }
        }

        return entries;
    }

    private static string? Yaml(string key, string raw) => key is "title" or "doc_number" or "signer" or "addressee" or "print_office" ? Quote(raw) : raw;

    private static IEnumerable<(string Key, string? Value)> Fields(ImportMetadata m) => RawFields(m).Select(f => (f.Key, f.Value is null ? null : Yaml(f.Key, f.Value)));

    private static IEnumerable<(string Key, string? Value)> RawFields(ImportMetadata m)
    {
        yield return ("title", m.Title);
        yield return ("kind", m.Kind);
        yield return ("topic", m.Topic);
        yield return ("office", m.Office);
        yield return ("year", m.Year?.ToString(CultureInfo.InvariantCulture));
        yield return ("issued", m.Issued is { } issued ? ChineseDate.Format(issued) : null);
        yield return ("doc_number", m.DocNumber);
        yield return ("signer", m.Signer);
        yield return ("addressee", m.Addressee);
        yield return ("print_office", m.PrintOffice);
        yield return ("print_date", m.PrintDate is { } printed ? ChineseDate.Format(printed) : null);
        yield return ("copies", m.Copies?.ToString(CultureInfo.InvariantCulture));
    }

    private static string? Quote(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Plain().IsMatch(value) ? value : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    [GeneratedRegex(@"^(?<k>[A-Za-z_][A-Za-z0-9_]*):(?:\s|$)")]
    private static partial Regex TopLevelKey();

    // Safe as a plain YAML scalar: starts with a letter (not a YAML indicator), no ": " or " #", not a number.
    [GeneratedRegex(@"^(?![\d\-.+])[^\x00-\x1F:#'""{}\[\],&*!|>%@`?]+$")]
    private static partial Regex Plain();
}
