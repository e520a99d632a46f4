using System.CommandLine;
using Publisher.Cli.Commands;
using Publisher.Cli.Server;

namespace Publisher.Cli;

/// <summary>The <c>publisher</c> command line: the composition root and nothing else.</summary>
internal static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when content has errors.</summary>
    public const int ContentErrors = 1;

    /// <summary>Exit code for a usage error (unknown option, missing argument).</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when the build stopped for a reason other than content (file system, a bug).</summary>
    public const int UnexpectedFailure = 3;

    /// <summary>Every command, in the order <c>--help</c> lists them.</summary>
    private static IEnumerable<Command> Commands(WarmBuilds? warm) =>
    [
        BuildCommand.Create(warm),
        StatisticsCommand.Create(),
        ImportCommand.Create(),
        SearchCommand.Create(),
        BenchCommand.Create(),
        CheckCommand.Create(),
        ServeCommand.Create(),
        NewCommand.Create(),
        BuildServerCommand.Create(),
    ];

    /// <summary>Builds the root command; <paramref name="warm"/> is the build server's state when it runs a build.</summary>
    public static RootCommand CreateRoot(WarmBuilds? warm = null)
    {
        var root = new RootCommand("Publisher: builds an accessible, bilingual portal of government reports from Markdown.");
        foreach (var command in Commands(warm))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs; usage errors exit 2 with the parser's message.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output (the console's by default).</param>
    /// <param name="error">Standard error (the console's by default).</param>
    /// <param name="warm">The build server's state, when the build server runs the command for a command line.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, WarmBuilds? warm = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (warm is null && BuildServerClient.IsFor(args))
        {
            // Straight to the server, which parses the arguments itself: parsing them here first took a tenth of
            // what the command line costs an editor. Where there can be no server, it is built here, without it.
            if (await BuildServerClient.TryBuildAsync(args[1..], output, error, CancellationToken.None).ConfigureAwait(false) is { } servedExitCode)
            {
                return servedExitCode;
            }

            args = [.. args.Where(a => a != BuildServerClient.ServerOption)];
        }

        var result = CreateRoot(warm).Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
            {
                await error.WriteLineAsync($"publisher: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'publisher --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }
}
