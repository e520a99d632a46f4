namespace Publisher.Search.Querying;

/// <summary>One result.</summary>
/// <param name="Id">The document's id in the index.</param>
/// <param name="Score">Its score; higher ranks first, ties by id.</param>
/// <param name="Url">The link to the document.</param>
/// <param name="Title">The plain title.</param>
/// <param name="TitleHtml">The title, HTML-escaped, with matches in <c>&lt;mark&gt;</c>.</param>
/// <param name="Office">The office's name.</param>
/// <param name="Year">The year covered.</param>
/// <param name="Kind">The kind's name.</param>
/// <param name="DocNumber">The document number.</param>
/// <param name="SnippetHtml">A passage, HTML-escaped, with matches in <c>&lt;mark&gt;</c>.</param>
public sealed record SearchHit(int Id, long Score, string Url, string Title, string TitleHtml, string? Office, int? Year, string? Kind, string? DocNumber, string SnippetHtml);
