namespace Publisher.Cli.Tests;

/// <summary>Runs the <c>publisher</c> command line in-process with redirected output, as CI would.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public string All => Output + Error;
}
