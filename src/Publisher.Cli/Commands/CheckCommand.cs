using System.CommandLine;
using Publisher.Cli.Output;
using Publisher.Content.Diagnostics;
using Publisher.Core.Diagnostics;
using Publisher.Site;

namespace Publisher.Cli.Commands;

/// <summary><c>publisher check</c>: every validation of a build, without writing the site.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The site settings file.", DefaultValueFactory = _ => "site.config.json" };
        var format = new Option<string>("--format")
        {
            Description = "text: one line per problem; github: GitHub Actions annotations shown on the pull request.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "github");
        var language = new Option<string?>("--lang") { Description = "Language of the messages: zh-CN or en (default: editorLanguage in site.config.json, else zh-CN)." };
        language.AcceptOnlyFromAmong([.. DiagnosticCatalog.Languages]);
        var command = new Command(
            "check",
            "Check the content as a build would (front matter, offices, dates, translations, addresses, attachments, links) without writing the site. Exits 1 when there are errors.")
        {
            config, format, language,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var configPath = parse.GetValue(config)!;
            var lang = EditorMessages.Language(parse.GetValue(language), configPath);
            var github = parse.GetValue(format) == "github";
            var result = await SiteBuilder.BuildAsync(new SiteBuilder.Request(configPath, WriteOutput: false), cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in result.Diagnostics)
            {
                await output.WriteLineAsync(github ? EditorMessages.GitHub(diagnostic, lang) : EditorMessages.Text(diagnostic, lang)).ConfigureAwait(false);
            }

            var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = result.Diagnostics.Count - errors;
            await output.WriteLineAsync(EditorMessages.Summary(errors, warnings, result.Statistics.DocumentsRead, lang)).ConfigureAwait(false);
            return errors > 0 ? CliApp.ContentErrors : CliApp.Ok;
        });
        return command;
    }
}
