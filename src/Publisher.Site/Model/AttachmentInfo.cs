namespace Publisher.Site.Model;

/// <summary>An attachment as readers see it: what it is, where it is, its format, size and (for PDFs) pages.</summary>
/// <param name="Title">What the file is, from the front matter.</param>
/// <param name="Path">Its URL path without base or language prefix, beside the document's page.</param>
/// <param name="Format">The format as GOV.UK names it: PDF, CSV, MS Excel Spreadsheet…</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Pages">The number of pages of a PDF; null for other formats or an unreadable PDF.</param>
public sealed record AttachmentInfo(string Title, string Path, string Format, long Bytes, int? Pages)
{
    /// <summary>True for formats that may not suit assistive technology (anything but plain text and CSV).</summary>
    public bool MayBeInaccessible => Format is not ("CSV" or "Plain text");

    /// <summary>The size as GOV.UK writes it: 820 Bytes, 451 KB, 2.3 MB.</summary>
    public string Size => Bytes switch
    {
        < 1024 => $"{Bytes} Bytes",
        < 1024 * 1024 => $"{Math.Max(1, (int)Math.Round(Bytes / 1024.0))} KB",
        _ => (Bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB",
    };
}
