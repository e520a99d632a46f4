namespace Publisher.Content.Model;

/// <summary>An issuing office: a sub-district office, a town government, a district or a department.</summary>
public sealed record Office
{
    /// <summary>The id used in URLs and in front matter (<c>ganquan-road</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The full name (甘泉路街道办事处).</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The short name used in lists (甘泉路街道); the full name when absent.</summary>
    public required LocalizedText ShortName { get; init; }

    /// <summary>The district (普陀区).</summary>
    public required LocalizedText District { get; init; }

    /// <summary>subdistrict, town, district or department.</summary>
    public required string Kind { get; init; }

    /// <summary>The id of the parent office, if any.</summary>
    public string? Parent { get; init; }

    /// <summary>The office's own website, if any.</summary>
    public string? Website { get; init; }

    /// <summary>Where the record was read from.</summary>
    public required string Source { get; init; }
}
