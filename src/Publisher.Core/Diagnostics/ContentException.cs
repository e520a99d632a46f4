namespace Publisher.Core.Diagnostics;

/// <summary>
/// Thrown by a module when one document's content is wrong. The engine turns it into an error diagnostic,
/// drops that document and carries on with the others; no stack trace reaches the user.
/// </summary>
public sealed class ContentException : Exception
{
    /// <summary>Creates the exception from the diagnostic it stands for.</summary>
    public ContentException(Diagnostic diagnostic)
        : base(diagnostic.Message) => Diagnostic = diagnostic;

    /// <summary>Creates an error at a location.</summary>
    public ContentException(string code, SourceSpan location, string message, string hint = "")
        : this(new Diagnostic(DiagnosticSeverity.Error, code, location, message, hint))
    {
    }

    /// <summary>The error to report.</summary>
    public Diagnostic Diagnostic { get; }
}
