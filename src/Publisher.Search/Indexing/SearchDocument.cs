namespace Publisher.Search.Indexing;

/// <summary>One document as the index sees it, in one language.</summary>
public sealed record SearchDocument
{
    /// <summary>The link to the document page.</summary>
    public required string Url { get; init; }

    /// <summary>The title shown in results and weighted most.</summary>
    public required string Title { get; init; }

    /// <summary>The body as plain text.</summary>
    public required string Body { get; init; }

    /// <summary>A summary, indexed with the body and used when no snippet matches.</summary>
    public string? Summary { get; init; }

    /// <summary>The office id, for the office filter.</summary>
    public string? Office { get; init; }

    /// <summary>The office's name in this language, shown and searchable.</summary>
    public string? OfficeName { get; init; }

    /// <summary>The year the document covers, for the year filter.</summary>
    public int? Year { get; init; }

    /// <summary>The kind id (<c>annual-report</c>), for the kind filter.</summary>
    public required string Kind { get; init; }

    /// <summary>The kind's name in this language, shown and searchable.</summary>
    public string? KindName { get; init; }

    /// <summary>The document number (发文字号), searchable as written or without its brackets.</summary>
    public string? DocNumber { get; init; }

    /// <summary>
    /// How many terms the body field (body and summary) gives, when already known, e.g. counted by a previous
    /// build for the same text; null to count them. The BM25 length normalisation needs every document's count
    /// before any posting is made, so an unknown count costs a scan of the body on top of its analysis. A wrong
    /// count gives a wrong index: set it only from <see cref="IndexWriter.Write(IReadOnlyList{SearchDocument}, IndexFileSink)"/>'s
    /// result for exactly this body and summary.
    /// </summary>
    public int? BodyTermCount { get; init; }
}
