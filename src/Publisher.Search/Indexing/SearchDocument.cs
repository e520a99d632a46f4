namespace Publisher.Search.Indexing;

/// <summary>One document as the index sees it, in one language.</summary>
public sealed record SearchDocument
{
    /// <summary>The link to the document page.</summary>
    public required string Url { get; init; }

    /// <summary>The title shown in results and weighted most.</summary>
    public required string Title { get; init; }

    private readonly Func<string>? _bodySource;
    private readonly string? _body;

    /// <summary>
    /// The body as plain text; when <see cref="BodySource"/> is given instead, made by it each time it is asked for
    /// (an index asks three times: body lengths, terms, excerpt), so ask once per use.
    /// </summary>
    public string Body
    {
        get => _body ?? _bodySource?.Invoke() ?? string.Empty;
        init => _body = value;
    }

    /// <summary>
    /// Makes <see cref="Body"/> whenever it is asked for, and nothing keeps it: a patch of the index reads only the
    /// bodies of the documents it writes again (their terms, their records' excerpts), and the others stay in the
    /// build notes (10,000 plain texts, 47 MB, were made into strings only to be hashed); a whole index reads each
    /// body where the build set it aside (a full build's 10,000 bodies, kept by the index while it was made, were
    /// 32 MB of its peak).
    /// </summary>
    public Func<string>? BodySource
    {
        get => _bodySource;
        init
        {
            _bodySource = value;
            _body = null;
        }
    }

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
    /// shared by two texts gives a wrong index. When set, it also stands for the body in
    /// <see cref="DocumentHash"/>, so an unchanged document's body is not read to tell that it is unchanged.
    /// </summary>
    public string? AnalysisKey { get; init; }
}
