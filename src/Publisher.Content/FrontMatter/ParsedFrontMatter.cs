using System.Collections.Immutable;
using Publisher.Content.Model;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;

namespace Publisher.Content.FrontMatter;

/// <summary>
/// A source's parsed front matter with the problems its parsing reported, as a build note, so that a source whose
/// bytes did not change is not parsed again: YAML parsing was a fifth of the CPU of a build of 10,000 documents in
/// which nothing changed.
/// </summary>
/// <remarks>
/// The note is written field by field (<see cref="NoteWriter"/>), not with System.Text.Json as before: decoding
/// 10,000 JSON notes was 13% of the CPU of a one-edit build in a new process. A property added to
/// <see cref="ContentItem"/> must be added to <see cref="Write(NoteWriter, ContentItem)"/> and
/// <see cref="ReadItem"/>; <c>ParsedFrontMatterTests</c> fills every property by reflection and fails until it is.
/// </remarks>
/// <param name="Item">The parsed item.</param>
/// <param name="Diagnostics">What parsing reported (warnings: a source with errors has no item and no note).</param>
public sealed record ParsedFrontMatter(ContentItem Item, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The note of this result.</summary>
    public string ToNote()
    {
        var note = new NoteWriter();
        Write(note, Item);
        note.Number(Diagnostics.Length);
        foreach (var diagnostic in Diagnostics)
        {
            note.Number((int)diagnostic.Severity).Text(diagnostic.Code);
            Write(note, diagnostic.Location, Item.Source);
            note.Text(diagnostic.Message).Text(diagnostic.Hint);
        }

        return note.ToString();
    }

    /// <summary>The result a note holds; null when the note is not one (a damaged notes file).</summary>
    public static ParsedFrontMatter? FromNote(ReadOnlySpan<char> note)
    {
        try
        {
            var reader = new NoteReader(note);
            var item = ReadItem(ref reader);
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(reader.Count());
            for (var i = 0; i < diagnostics.Capacity; i++)
            {
                var severity = (DiagnosticSeverity)reader.Number();
                var code = reader.RequiredText();
                var location = ReadSpan(ref reader, item.Source);
                var message = reader.RequiredText();
                diagnostics.Add(new Diagnostic(Enum.IsDefined(severity) ? severity : throw new FormatException("Not a severity."), code, location, message, reader.Text() ?? string.Empty));
            }

            return reader.AtEnd ? new ParsedFrontMatter(item, diagnostics.MoveToImmutable()) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void Write(NoteWriter note, ContentItem item)
    {
        note.Text(item.Source).Text(item.Language).Text(item.Key).Text(item.Title).Text(item.TitleEn).Text(item.Kind)
            .Text(item.Topic).Text(item.Office).Number(item.Year).Date(item.Issued).Date(item.Published)
            .Text(item.DocNumber).Text(item.Signer).Text(item.Addressee).Text(item.PrintOffice).Date(item.PrintDate)
            .Number(item.Copies).Text(item.Summary).Text(item.SummaryEn).Text(item.IndexNo).Text(item.Category)
            .Text(item.Validity).Flag(item.IsTranslation);
        note.Number(item.Attachments.Length);
        foreach (var attachment in item.Attachments)
        {
            note.Text(attachment.File).Text(attachment.Title);
            Write(note, attachment.Location, item.Source);
        }

        note.Number(item.Aliases.Length);
        foreach (var (path, location) in item.Aliases)
        {
            note.Text(path);
            Write(note, location, item.Source);
        }

        note.Number(item.FieldLocations.Count);
        foreach (var (field, location) in item.FieldLocations)
        {
            note.Text(field);
            Write(note, location, item.Source);
        }
    }

    private static ContentItem ReadItem(ref NoteReader note)
    {
        var item = new ContentItem
        {
            Source = note.RequiredText(),
            Language = note.RequiredText(),
            Key = note.RequiredText(),
            Title = note.RequiredText(),
            TitleEn = note.Text(),
            Kind = note.RequiredText(),
            Topic = note.Text(),
            Office = note.Text(),
            Year = note.NullableNumber(),
            Issued = note.Date(),
            Published = note.Date(),
            DocNumber = note.Text(),
            Signer = note.Text(),
            Addressee = note.Text(),
            PrintOffice = note.Text(),
            PrintDate = note.Date(),
            Copies = note.NullableNumber(),
            Summary = note.Text(),
            SummaryEn = note.Text(),
            IndexNo = note.Text(),
            Category = note.Text(),
            Validity = note.Text(),
            IsTranslation = note.Flag(),
        };
        var attachments = ImmutableArray.CreateBuilder<Attachment>(note.Count());
        for (var i = 0; i < attachments.Capacity; i++)
        {
            attachments.Add(new Attachment(note.RequiredText(), note.RequiredText(), ReadSpan(ref note, item.Source)));
        }

        var aliases = ImmutableArray.CreateBuilder<(string, SourceSpan)>(note.Count());
        for (var i = 0; i < aliases.Capacity; i++)
        {
            aliases.Add((note.RequiredText(), ReadSpan(ref note, item.Source)));
        }

        var locations = ImmutableSortedDictionary.CreateBuilder<string, SourceSpan>(StringComparer.Ordinal);
        for (var count = note.Count(); count > 0; count--)
        {
            locations[note.RequiredText()] = ReadSpan(ref note, item.Source);
        }

        return item with { Attachments = attachments.MoveToImmutable(), Aliases = aliases.MoveToImmutable(), FieldLocations = locations.ToImmutable() };
    }

    // Most locations are in the item's own source: written as a flag instead of the path again (half the note).
    private static void Write(NoteWriter note, SourceSpan span, string source)
    {
        var inSource = string.Equals(span.File, source, StringComparison.Ordinal);
        note.Flag(inSource);
        if (!inSource)
        {
            note.Text(span.File);
        }

        note.Number(span.Line).Number(span.Column);
    }

    private static SourceSpan ReadSpan(ref NoteReader note, string source) =>
        new(note.Flag() ? source : note.Text()!, note.Number(), note.Number());
}
