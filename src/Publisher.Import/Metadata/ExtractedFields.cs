namespace Publisher.Import.Metadata;

/// <summary>The fields read from the lines around the body, before the office is matched.</summary>
internal sealed record ExtractedFields
{
    /// <summary>The organisation on the letterhead ("…文件" line).</summary>
    public string? Letterhead { get; init; }

    /// <summary>The title, lines joined.</summary>
    public string? Title { get; init; }

    /// <summary>发文字号.</summary>
    public string? DocNumber { get; init; }

    /// <summary>签发人.</summary>
    public string? Signer { get; init; }

    /// <summary>主送.</summary>
    public string? Addressee { get; init; }

    /// <summary>The office signing under the text.</summary>
    public string? Signature { get; init; }

    /// <summary>成文日期.</summary>
    public DateOnly? Issued { get; init; }

    /// <summary>The 印发 office.</summary>
    public string? PrintOffice { get; init; }

    /// <summary>The 印发 date.</summary>
    public DateOnly? PrintDate { get; init; }

    /// <summary>共印N份.</summary>
    public int? Copies { get; init; }
}
