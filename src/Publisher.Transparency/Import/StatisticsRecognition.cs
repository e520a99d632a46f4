namespace Publisher.Transparency.Import;

/// <summary>What <see cref="StatisticsTableReader"/> made of a report's text.</summary>
/// <param name="Recognised">True when every table was read with certainty and passed validation.</param>
/// <param name="Yaml">
/// Front-matter lines to add: a complete <c>statistics:</c> block when <paramref name="Recognised"/>, otherwise a
/// commented-out, clearly marked block (so the report still builds, with warning PUB1008) that says what could not
/// be read and lists the rows that were read, for the editor to check and complete.
/// </param>
/// <param name="Warnings">What could not be read and where (line numbers of the text), for the importer to report.</param>
public sealed record StatisticsRecognition(bool Recognised, string Yaml, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// When <see cref="Recognised"/>, the 1-based lines of the text that hold each table (headings and figures,
    /// not the section title): an importer may drop them from the Markdown body, since the page renders the
    /// tables from <c>statistics:</c>. Empty otherwise, so that nothing is dropped that was not read.
    /// </summary>
    public IReadOnlyList<TextRange> TableLines { get; init; } = [];
}
