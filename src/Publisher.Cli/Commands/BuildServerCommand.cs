using System.CommandLine;
using System.Globalization;
using Publisher.Cli.Server;

namespace Publisher.Cli.Commands;

/// <summary>
/// <c>publisher build-server</c>: <c>stop</c> stops the build server that <c>publisher build --server</c> started;
/// <c>run</c> (not listed in the help) is how that command line starts it.
/// </summary>
internal static class BuildServerCommand
{
    /// <summary>How long the server waits for a build before it stops by itself.</summary>
    private const int DefaultIdleMinutes = 20;

    public static Command Create()
    {
        var stop = new Command("stop", "Stop the build server of this user that 'publisher build --server' started (it also stops by itself after 20 minutes without a build).");
        stop.SetAction(async (parse, cancellationToken) =>
        {
            var builds = await BuildServerClient.StopAsync(cancellationToken).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync(builds is { } count
                ? string.Create(CultureInfo.InvariantCulture, $"Stopped the build server ({count} build(s)).")
                : "No build server was running.").ConfigureAwait(false);
            return CliApp.Ok;
        });

        var idle = new Option<int>("--idle-minutes") { Description = "Stop after this many minutes without a build.", DefaultValueFactory = _ => DefaultIdleMinutes };
        var run = new Command("run", "Run the build server in this process (what 'publisher build --server' starts).") { Hidden = true };
        run.Options.Add(idle);
        run.SetAction((parse, cancellationToken) => BuildServerHost.RunAsync(TimeSpan.FromMinutes(Math.Max(1, parse.GetValue(idle))), cancellationToken));

        return new Command("build-server", "Manage the build server that 'publisher build --server' uses.") { stop, run };
    }
}
