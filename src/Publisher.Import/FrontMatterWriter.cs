using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Publisher.Import.Metadata;

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

    private static IEnumerable<(string Key, string? Value)> Fields(ImportMetadata m)
    {
        yield return ("title", Quote(m.Title));
        yield return ("kind", m.Kind);
        yield return ("topic", m.Topic);
        yield return ("office", m.Office);
        yield return ("year", m.Year?.ToString(CultureInfo.InvariantCulture));
        yield return ("issued", m.Issued is { } issued ? ChineseDate.Format(issued) : null);
        yield return ("doc_number", Quote(m.DocNumber));
        yield return ("signer", Quote(m.Signer));
        yield return ("addressee", Quote(m.Addressee));
        yield return ("print_office", Quote(m.PrintOffice));
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

    // Safe as a plain YAML scalar: starts with a letter (not a YAML indicator), no ": " or " #", not a number.
    [GeneratedRegex(@"^(?![\d\-.+])[^\x00-\x1F:#'""{}\[\],&*!|>%@`?]+$")]
    private static partial Regex Plain();
}
