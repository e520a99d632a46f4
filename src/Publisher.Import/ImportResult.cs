using Publisher.Import.Metadata;

namespace Publisher.Import;

/// <summary>One imported document: its metadata, its Markdown (front matter and body) and what to check.</summary>
public sealed record ImportResult
{
    /// <summary>The fields found.</summary>
    public required ImportMetadata Metadata { get; init; }

    /// <summary>The whole file: front matter and body.</summary>
    public required string Markdown { get; init; }

    /// <summary>The top-level (一、) headings, text only, without the numeral.</summary>
    public required IReadOnlyList<string> Headings { get; init; }

    /// <summary>What was inferred or missing.</summary>
    public required IReadOnlyList<ImportWarning> Warnings { get; init; }

    /// <summary>The file name to use inside content/&lt;office&gt;/&lt;year&gt;/.</summary>
    public required string Slug { get; init; }
}
