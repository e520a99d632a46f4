namespace Publisher.Core.Diagnostics;

/// <summary>How serious a diagnostic is. Errors fail the build; warnings are reported.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; the build succeeds.</summary>
    Warning,

    /// <summary>The build fails and the previous site stays as it was.</summary>
    Error,
}
