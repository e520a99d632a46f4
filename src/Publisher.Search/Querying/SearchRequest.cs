namespace Publisher.Search.Querying;

/// <summary>A query with its filters and the page wanted.</summary>
/// <param name="Query">What the reader typed.</param>
/// <param name="Office">Only this office's documents (its id), or null.</param>
/// <param name="Year">Only documents covering this year, or null.</param>
/// <param name="Kind">Only this kind (<c>annual-report</c>), or null.</param>
/// <param name="Page">The 1-based page of results.</param>
public sealed record SearchRequest(string Query, string? Office = null, int? Year = null, string? Kind = null, int Page = 1);
