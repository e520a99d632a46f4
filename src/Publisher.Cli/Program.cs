using Publisher.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
