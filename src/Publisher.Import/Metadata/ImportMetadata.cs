namespace Publisher.Import.Metadata;

/// <summary>What the importer found about a document; a null field was not found and is left out.</summary>
public sealed record ImportMetadata
{
    /// <summary>The title (several lines joined).</summary>
    public string? Title { get; init; }

    /// <summary>The office id, matched against content/offices.</summary>
    public string? Office { get; init; }

    /// <summary>The office's name as the document writes it (letterhead, signature or title).</summary>
    public string? OfficeName { get; init; }

    /// <summary>The district, e.g. 普陀区.</summary>
    public string? District { get; init; }

    /// <summary>The year the report covers.</summary>
    public int? Year { get; init; }

    /// <summary>发文字号, normalised to 〔〕.</summary>
    public string? DocNumber { get; init; }

    /// <summary>签发人.</summary>
    public string? Signer { get; init; }

    /// <summary>主送.</summary>
    public string? Addressee { get; init; }

    /// <summary>成文日期.</summary>
    public DateOnly? Issued { get; init; }

    /// <summary>The office on the 印发 line.</summary>
    public string? PrintOffice { get; init; }

    /// <summary>The date on the 印发 line.</summary>
    public DateOnly? PrintDate { get; init; }

    /// <summary>共印N份.</summary>
    public int? Copies { get; init; }

    /// <summary>The document kind (annual-report, disclosure-annual-report, notice).</summary>
    public string Kind { get; init; } = "annual-report";

    /// <summary>The topic, when the title names one (rule-of-law).</summary>
    public string? Topic { get; init; }
}
