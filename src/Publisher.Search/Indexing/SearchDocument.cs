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
    /// A key of the body field's text (body and summary), e.g. a digest of the document's sources, under which a
    /// <see cref="BodyTermStore"/> keeps the document's analysed body for the next index; null to keep nothing.
    /// It must change whenever the body or the summary does: a recalled analysis is used as it is, so a key
    /// shared by two texts gives a wrong index.
    /// </summary>
    public string? AnalysisKey { get; init; }
}
