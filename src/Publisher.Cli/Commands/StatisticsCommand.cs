using System.CommandLine;
using Publisher.Content.Text;
using Publisher.Core.Diagnostics;
using Publisher.Transparency.Import;

namespace Publisher.Cli.Commands;

/// <summary>
/// <c>publisher statistics &lt;text-file&gt;</c>: reads tables 二–四 of a 政府信息公开工作年度报告 from extracted text
/// (pdftotext output) and prints the <c>statistics:</c> block to paste into the report's front matter.
/// </summary>
internal static class StatisticsCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("text-file") { Description = "The report's text, e.g. from 'pdftotext report.pdf' (one table cell per line)." };
        var year = new Option<int?>("--year") { Description = "The year the report covers; picks the format when the text does not show it." };
        var command = new Command("statistics", "Read the statistics tables of an annual disclosure report from its text and print the 'statistics:' block.") { file, year };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"{path}: error PUB1020: the file does not exist. Give the path of the report's text.").ConfigureAwait(false);
                return CliApp.UsageError;
            }

            string text;
            try
            {
                text = TextDecoder.Decode(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), path).Text;
            }
            catch (ContentException ex)
            {
                await error.WriteLineAsync(ex.Diagnostic.ToString()).ConfigureAwait(false);
                return CliApp.ContentErrors;
            }

            var result = StatisticsTableReader.Read(text, parse.GetValue(year));
            await output.WriteAsync(result.Yaml).ConfigureAwait(false);
            foreach (var warning in result.Warnings)
            {
                await error.WriteLineAsync($"{path}: warning PUB1021: {warning}").ConfigureAwait(false);
            }

            return result.Recognised ? CliApp.Ok : CliApp.ContentErrors;
        });
        return command;
    }
}
