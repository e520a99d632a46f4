using System.Collections.Concurrent;

namespace Publisher.Core.Diagnostics;

/// <summary>Collects diagnostics from every pipeline and thread; read them back in a stable order.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentBag<Diagnostic> _items = [];

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Adds an error.</summary>
    public void Error(string code, SourceSpan location, string message, string hint = "") =>
        Add(new Diagnostic(DiagnosticSeverity.Error, code, location, message, hint));

    /// <summary>Adds a warning.</summary>
    public void Warning(string code, SourceSpan location, string message, string hint = "") =>
        Add(new Diagnostic(DiagnosticSeverity.Warning, code, location, message, hint));

    /// <summary>True when at least one error was added.</summary>
    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>All diagnostics, sorted by file, line, column, code and message so output is deterministic.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        [.. _items
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .Distinct()];
}
