namespace Publisher.Core.Diagnostics;

/// <summary>One problem found in the input: where, what, and how to fix it.</summary>
/// <param name="Severity">Whether it fails the build.</param>
/// <param name="Code">A stable code such as <c>PUB0101</c>, for documentation and filtering.</param>
/// <param name="Location">The file, line and column.</param>
/// <param name="Message">What is wrong, in the reader's words.</param>
/// <param name="Hint">How to fix it; may be empty.</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    SourceSpan Location,
    string Message,
    string Hint = "")
{
    /// <summary>Formats as <c>file:line:column: error CODE: message (hint)</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var hint = string.IsNullOrEmpty(Hint) ? string.Empty : $" {Hint}";
        return $"{Location}: {severity} {Code}: {Message}{hint}";
    }
}
