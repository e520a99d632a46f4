namespace Publisher.Import;

/// <summary>Something the importer wants the editor to check.</summary>
/// <param name="Code">A stable code in the PUB04xx range.</param>
/// <param name="Message">What was found, inferred or missing, and what to do.</param>
public sealed record ImportWarning(string Code, string Message);
