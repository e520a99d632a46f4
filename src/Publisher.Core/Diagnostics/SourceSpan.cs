namespace Publisher.Core.Diagnostics;

/// <summary>A position in a source file: 1-based line and column. Line 0 means "the whole file".</summary>
/// <param name="File">The path as the user would type it (relative to the site root when possible).</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public readonly record struct SourceSpan(string File, int Line = 0, int Column = 0)
{
    /// <summary>Formats as <c>file:line:column</c>, the form editors and CI annotate.</summary>
    public override string ToString() =>
        Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
