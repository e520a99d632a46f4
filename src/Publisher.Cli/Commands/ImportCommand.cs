using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Publisher.Core.Diagnostics;
using Publisher.Import;
using Publisher.Import.Readers;

namespace Publisher.Cli.Commands;

/// <summary><c>publisher import</c>: turns PDF, Word and text files from offices into Markdown content.</summary>
internal static class ImportCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "The .pdf, .docx, .txt or .md files to import.", Arity = ArgumentArity.OneOrMore };
        var office = new Option<string?>("--office") { Description = "The office id (content/offices/<id>.yml); guessed from the text when left out." };
        var output = new Option<string>("--out") { Description = "The content folder to write into.", DefaultValueFactory = _ => "content" };
        var offices = new Option<string?>("--offices") { Description = "The folder of office records (default: <out>/offices, else content/offices)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be written; write nothing." };
        var json = new Option<bool>("--json") { Description = "Print the metadata, top-level headings and warnings as JSON." };
        var update = new Option<bool>("--update") { Description = "When the target file exists, re-import its body and the importer's fields and keep every field the editor added (title_en, summary…)." };
        var command = new Command("import", "Import PDF, Word or text files into content/<office>/<year>/<slug>.md.") { files, office, output, offices, dryRun, json, update };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = new Run(parse.GetValue(files)!, parse.GetValue(office), parse.GetValue(output)!, parse.GetValue(offices), parse.GetValue(dryRun), parse.GetValue(json), parse.GetValue(update));
            return await ExecuteAsync(run, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(Run run, TextWriter output, TextWriter error)
    {
        var diagnostics = new List<Diagnostic>();
        var officeFolder = run.Offices ?? (Directory.Exists(Path.Combine(run.Out, "offices")) ? Path.Combine(run.Out, "offices") : Path.Combine("content", "offices"));
        var records = OfficeRecords.Load(officeFolder, diagnostics);
        if (run.Office is not null && records.All(o => o.Id != run.Office))
        {
            await error.WriteLineAsync($"publisher: --office '{run.Office}' is not an office in {officeFolder} ({string.Join(", ", records.Select(o => o.Id))}).").ConfigureAwait(false);
            return CliApp.UsageError;
        }

        var importer = new DocumentImporter(records);
        var reports = new List<Dictionary<string, object?>>();
        var failed = false;
        foreach (var file in run.Files)
        {
            var warnings = new List<ImportWarning>();
            ImportResult result;
            var unchanged = false;
            try
            {
                var text = SourceReader.Read(file, warnings);
                result = importer.Import(text, file, run.Office);
                if (run.Update && ExistingTarget(run, result) is { } existing)
                {
                    var before = await File.ReadAllTextAsync(existing).ConfigureAwait(false);
                    result = importer.Update(text, file, before, existing, run.Office);
                    unchanged = result.Markdown == before.Replace("\r\n", "\n", StringComparison.Ordinal);
                }
            }
            catch (ContentException ex)
            {
                diagnostics.Add(ex.Diagnostic);
                failed = true;
                continue;
            }

            warnings.AddRange(result.Warnings);
            var target = Target(run, file, result, diagnostics);
            failed |= target is null;
            if (target is not null && !run.DryRun && !unchanged)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllTextAsync(target, result.Markdown).ConfigureAwait(false);
            }

            reports.Add(Report(file, result, warnings, target));
            if (!run.Json)
            {
                await PrintAsync(output, file, result, warnings, target, run.DryRun ? "would write" : unchanged ? "unchanged:" : "wrote").ConfigureAwait(false);
            }
        }

        if (run.Json)
        {
            object document = reports.Count == 1 ? reports[0] : reports;
            await output.WriteLineAsync(JsonSerializer.Serialize(document, Json)).ConfigureAwait(false);
        }

        await DiagnosticPrinter.PrintAsync(diagnostics, error).ConfigureAwait(false);
        return failed || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? CliApp.ContentErrors : CliApp.Ok;
    }

    private static string? Target(Run run, string file, ImportResult result, List<Diagnostic> diagnostics)
    {
        var metadata = result.Metadata;
        if (metadata.Office is null || metadata.Year is null)
        {
            var missing = metadata.Office is null ? "the office" : "the year";
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "PUB0404", new SourceSpan(file, 1, 1), $"{missing} could not be determined, so the file has no place in content/.", metadata.Office is null ? "Pass --office ID." : "Add the year to the title, or write the file by hand."));
            return null;
        }

        var target = (run.Update ? ExistingTarget(run, result) : null) ?? TargetPath(run, result)!;
        if (File.Exists(target) && !run.Update)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "PUB0411", new SourceSpan(file, 1, 1), $"{target} already exists and was not overwritten.", "Pass --update to re-import it and keep the editor's fields, pass a different --out, or delete the existing file first."));
            return null;
        }

        return target;
    }

    private static string? TargetPath(Run run, ImportResult result) =>
        result.Metadata is { Office: { } office, Year: { } year }
            ? Path.Combine(run.Out, office, year.ToString(CultureInfo.InvariantCulture), result.Slug + ".md")
            : null;

    // The file --update writes over: <office>/<year>/<slug>.md, or else the only original (not .en.md) in that folder,
    // since a source without a title gives a generic slug while the editor's file has its own name.
    private static string? ExistingTarget(Run run, ImportResult result)
    {
        if (TargetPath(run, result) is not { } target)
        {
            return null;
        }

        if (File.Exists(target))
        {
            return target;
        }

        var folder = Path.GetDirectoryName(target)!;
        var originals = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.md").Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.', StringComparison.Ordinal)).ToList()
            : [];
        return originals.Count == 1 ? originals[0] : null;
    }

    private static Dictionary<string, object?> Report(string file, ImportResult result, List<ImportWarning> warnings, string? target)
    {
        var m = result.Metadata;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["file"] = file,
            ["title"] = m.Title,
            ["office"] = m.Office,
            ["district"] = m.District,
            ["year"] = m.Year,
            ["doc_number"] = m.DocNumber,
            ["signer"] = m.Signer,
            ["addressee"] = m.Addressee,
            ["issued"] = m.Issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["print_office"] = m.PrintOffice,
            ["print_date"] = m.PrintDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["copies"] = m.Copies,
            ["headings"] = result.Headings,
            ["warnings"] = warnings.Select(w => $"{w.Code}: {w.Message}").ToList(),
            ["output"] = target,
        };
    }

    private static async Task PrintAsync(TextWriter output, string file, ImportResult result, List<ImportWarning> warnings, string? target, string verb)
    {
        var m = result.Metadata;
        await output.WriteLineAsync(target is null ? $"{file}: not written" : $"{file}: {verb} {target}").ConfigureAwait(false);
        foreach (var (name, value) in new (string, object?)[]
        {
            ("title", m.Title), ("office", m.Office), ("district", m.District), ("year", m.Year), ("doc_number", m.DocNumber),
            ("signer", m.Signer), ("addressee", m.Addressee), ("issued", m.Issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("print_office", m.PrintOffice),
            ("print_date", m.PrintDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("copies", m.Copies), ("headings", result.Headings.Count),
        })
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {name,-12} {value ?? "(not found)"}")).ConfigureAwait(false);
        }

        foreach (var warning in warnings)
        {
            await output.WriteLineAsync($"  warning {warning.Code}: {warning.Message}").ConfigureAwait(false);
        }
    }

    private sealed record Run(string[] Files, string? Office, string Out, string? Offices, bool DryRun, bool Json, bool Update);
}
