namespace Publisher.Search.Querying;

/// <summary>What the index keeps about a document for showing it in results.</summary>
/// <param name="Url">The link.</param>
/// <param name="Title">The title.</param>
/// <param name="Office">The office's name.</param>
/// <param name="Year">The year covered.</param>
/// <param name="Kind">The kind's name.</param>
/// <param name="DocNumber">The document number.</param>
/// <param name="Summary">The summary.</param>
/// <param name="Text">The start of the body, for snippets.</param>
internal sealed record DocumentRecord(string Url, string Title, string? Office, int? Year, string? Kind, string? DocNumber, string? Summary, string Text);
