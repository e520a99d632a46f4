using System.Collections.Immutable;

namespace Publisher.Search.Tokenization;

/// <summary>What a query asks the index for.</summary>
/// <param name="Required">Terms every result must contain (character bigrams, single characters, stemmed words, numbers).</param>
/// <param name="Pairs">Adjacent word pairs that earn a bonus when a document has them side by side.</param>
/// <param name="DocNumberKey">The whole query as a document-number key (<c>#石办202034号</c>), when it has a digit.</param>
/// <param name="Highlights">Strings to mark in titles and snippets, longest first.</param>
public sealed record QueryTerms(ImmutableArray<string> Required, ImmutableArray<string> Pairs, string? DocNumberKey, ImmutableArray<string> Highlights)
{
    /// <summary>True when the query has nothing searchable (only punctuation or spaces).</summary>
    public bool IsEmpty => Required.IsEmpty;
}
