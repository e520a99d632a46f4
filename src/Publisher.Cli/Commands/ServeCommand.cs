using System.CommandLine;
using Publisher.Cli.Output;
using Publisher.Content.Diagnostics;
using Publisher.Preview;

namespace Publisher.Cli.Commands;

/// <summary><c>publisher serve</c>: live preview on 127.0.0.1 that rebuilds and reloads on every save.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "The site settings file.", DefaultValueFactory = _ => "site.config.json" };
        var port = new Option<int>("--port", "-p") { Description = "The port on 127.0.0.1 to serve at (0 picks a free one).", DefaultValueFactory = _ => 5080 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be from 0 to 65535.");
            }
        });
        var language = new Option<string?>("--lang") { Description = "Language of error messages: zh-CN or en (default: editorLanguage in site.config.json, else zh-CN)." };
        language.AcceptOnlyFromAmong([.. DiagnosticCatalog.Languages]);
        var command = new Command(
            "serve",
            "Preview the site at http://127.0.0.1:5080/ while you edit: it rebuilds when content/, themes/ or site.config.json change and reloads open pages. Errors show in the browser and here. Ctrl+C stops it.")
        {
            config, port, language,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var configPath = parse.GetValue(config)!;
            if (!File.Exists(configPath))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"publisher: {configPath} not found. Run 'publisher serve' in the site's folder, or pass --config.").ConfigureAwait(false);
                return CliApp.ContentErrors;
            }

            var options = new PreviewOptions
            {
                ConfigPath = configPath,
                Port = parse.GetValue(port),
                Language = EditorMessages.Language(parse.GetValue(language), configPath),
                Log = output,
            };
            try
            {
                await using var server = await PreviewServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"Preview at {server.Url} (Ctrl+C to stop)").ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    await output.WriteLineAsync("Stopping the preview.").ConfigureAwait(false);
                }
            }
            catch (PreviewWatchException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"publisher: {ex.Message}").ConfigureAwait(false);
                return CliApp.UnexpectedFailure;
            }
            catch (IOException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"publisher: cannot listen on 127.0.0.1:{options.Port}: {ex.Message} Choose another port with --port.").ConfigureAwait(false);
                return CliApp.ContentErrors;
            }

            return CliApp.Ok;
        });
        return command;
    }
}
