using System.CommandLine;
using Publisher.Cli.Output;
using Publisher.Cli.Server;
using Publisher.Core.Diagnostics;
using Publisher.Core.Execution;
using Publisher.Site;

namespace Publisher.Cli.Commands;

/// <summary><c>publisher build</c>: builds the site into the output folder.</summary>
internal static class BuildCommand
{
    /// <summary>The command; <paramref name="warm"/> is the build server's state when the server runs it for a command line.</summary>
    public static Command Create(WarmBuilds? warm = null)
    {
        var config = new Option<string>("--config") { Description = "The site settings file.", DefaultValueFactory = _ => "site.config.json" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the site here instead of the settings' output folder." };
        var baseUrl = new Option<string?>("--base-url") { Description = "The address the site is served from, e.g. https://example.org/repo/." };
        var parallelism = new Option<int?>("--parallelism") { Description = "How many documents to process at once (default: the number of cores)." };
        var clean = new Option<bool>("--clean") { Description = "Render everything instead of reusing unchanged outputs recorded in .publisher-cache/ (the next build reuses this one's)." };
        var timings = new Option<bool>("--timings") { Description = "Print the time spent in each pipeline module (slowest first)." };
        // Handed to the build server before any parsing (CliApp.RunAsync); the server itself ignores it.
        var server = new Option<bool>(BuildServerClient.ServerOption)
        {
            Description = "Build in a build server that stays up between builds (started if none runs; it stops after 20 minutes without a build, or with 'publisher build-server stop'): a rebuild after a few edits then takes a fraction of the time of a new process. Same output as without it.",
        };
        var command = new Command("build", "Build the site from content/ and the theme into _site/.") { config, output, baseUrl, parallelism, clean, timings, server };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var outputWriter = parse.InvocationConfiguration.Output;
            var errorWriter = parse.InvocationConfiguration.Error;
            var configPath = parse.GetValue(config)!;
            var request = warm is null
                ? new SiteBuilder.Request(configPath, parse.GetValue(output), parse.GetValue(baseUrl), parse.GetValue(parallelism), Incremental: !parse.GetValue(clean), ExitsAfterBuild: true)
                : new SiteBuilder.Request(configPath, parse.GetValue(output), parse.GetValue(baseUrl), parse.GetValue(parallelism), Incremental: !parse.GetValue(clean), Memory: await warm.BeforeBuildAsync(Path.GetFullPath(configPath), cancellationToken).ConfigureAwait(false));
            BuildResult result;
            try
            {
                result = warm is null
                    ? await BuildReporter.RunAsync(() => SiteBuilder.BuildAsync(request, cancellationToken), outputWriter).ConfigureAwait(false)
                    : await warm.RunAsync(() => SiteBuilder.BuildAsync(request, cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Failures outside any module (output folder, file system) get one located line, not a stack trace.
                var failure = new Diagnostic(
                    DiagnosticSeverity.Error,
                    "PUB0903",
                    new SourceSpan(request.ConfigPath),
                    $"the build stopped: {ex.GetType().Name}: {ex.Message}",
                    "Nothing was published and the previous site is as it was. Check that the output folder (and its parent) can be written; if the message names no file, please report it as a bug.");
                await DiagnosticPrinter.PrintAsync([failure], errorWriter).ConfigureAwait(false);
                return CliApp.UnexpectedFailure;
            }

            await DiagnosticPrinter.PrintAsync(result.Diagnostics, errorWriter).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                await errorWriter.WriteLineAsync($"Build failed with {errors} error(s); the previous site was left as it was.").ConfigureAwait(false);
                return CliApp.ContentErrors;
            }

            await BuildReporter.WriteSummaryAsync(result, outputWriter).ConfigureAwait(false);
            if (parse.GetValue(timings))
            {
                await BuildReporter.WriteTimingsAsync(result, outputWriter).ConfigureAwait(false);
            }

            return CliApp.Ok;
        });
        return command;
    }
}
