using Publisher.Core.Diagnostics;

namespace Publisher.Cli;

/// <summary>Writes diagnostics one per line as <c>file:line:column: error CODE: message hint</c>.</summary>
internal static class DiagnosticPrinter
{
    public static async Task PrintAsync(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var diagnostic in diagnostics)
        {
            await writer.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
        }
    }
}
