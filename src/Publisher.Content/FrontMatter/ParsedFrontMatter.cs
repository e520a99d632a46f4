using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Publisher.Content.Model;
using Publisher.Core.Diagnostics;

namespace Publisher.Content.FrontMatter;

/// <summary>
/// A source's parsed front matter with the problems its parsing reported, as a build note (JSON), so that a
/// source whose bytes did not change is not parsed again: YAML parsing was a fifth of the CPU of a build of
/// 10,000 documents in which nothing changed. Every public property of <see cref="ContentItem"/> goes into the
/// note (source-generated System.Text.Json, so a field added to the record is kept without more code).
/// </summary>
/// <param name="Item">The parsed item.</param>
/// <param name="Diagnostics">What parsing reported (warnings: a source with errors has no item and no note).</param>
public sealed record ParsedFrontMatter(ContentItem Item, ImmutableArray<Diagnostic> Diagnostics)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // A cache note, never served: Chinese kept as it is, nulls left out (both halve the note).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        IncludeFields = true,
        TypeInfoResolver = ParsedFrontMatterJson.Default,
    };

    private static readonly JsonTypeInfo<Note> NoteInfo = (JsonTypeInfo<Note>)Options.GetTypeInfo(typeof(Note));

    /// <summary>The note of this result.</summary>
    public string ToNote()
    {
        var fields = Item.FieldLocations;
        return JsonSerializer.Serialize(
            new Note(Item with { FieldLocations = ImmutableSortedDictionary<string, SourceSpan>.Empty }, [.. fields.Keys], [.. fields.Values.Select(l => l.File == Item.Source ? null : l.File)], [.. fields.Values.Select(l => l.Line)], [.. fields.Values.Select(l => l.Column)], Diagnostics),
            NoteInfo);
    }

    /// <summary>The result a note holds; null when the note is not one (a damaged notes file).</summary>
    public static ParsedFrontMatter? FromNote(ReadOnlySpan<char> note)
    {
        try
        {
            if (JsonSerializer.Deserialize(note, NoteInfo) is not { } read || read.Fields.Length != read.Files.Length || read.Fields.Length != read.Lines.Length || read.Fields.Length != read.Columns.Length)
            {
                return null;
            }

            var locations = ImmutableSortedDictionary.CreateBuilder<string, SourceSpan>(StringComparer.Ordinal);
            for (var i = 0; i < read.Fields.Length; i++)
            {
                locations[read.Fields[i]] = new SourceSpan(read.Files[i] ?? read.Item.Source, read.Lines[i], read.Columns[i]);
            }

            return new ParsedFrontMatter(read.Item with { FieldLocations = locations.ToImmutable() }, read.Diagnostics);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a note holds: the item without its field locations, which are kept as parallel arrays, a file that is
    /// the item's source as null (as objects naming their file they were half of the note).
    /// </summary>
    internal sealed record Note(ContentItem Item, string[] Fields, string?[] Files, int[] Lines, int[] Columns, ImmutableArray<Diagnostic> Diagnostics);
}

/// <summary>The serializer of a <see cref="ParsedFrontMatter"/> note.</summary>
[JsonSerializable(typeof(ParsedFrontMatter.Note))]
internal sealed partial class ParsedFrontMatterJson : JsonSerializerContext;
