namespace Publisher.Site.Rendering;

/// <summary>Builds the official metadata of a document page (发布机关, 发文字号, 签发人, 主送, 成文日期, …).</summary>
internal static class MetadataRows
{
    public static IReadOnlyList<MetadataRow> For(DocumentPageModel page)
    {
        var item = page.Document.Item;
        var t = page.T;
        var chinese = page.Site.Options.DefaultLanguage;
        var foreign = page.Language == chinese ? null : chinese;
        var rows = new List<MetadataRow>();

        void Text(string key, string? value, string? language = null)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                rows.Add(new MetadataRow(t[key], value, language));
            }
        }

        void Date(string key, DateOnly? value)
        {
            if (value is { } date)
            {
                rows.Add(new MetadataRow(t[key], page.DisplayDate(date), null, PageModel.IsoDate(date)));
            }
        }

        if (page.Document.Office is { } office)
        {
            var hasName = office.Name.Has(page.Language);
            Text("meta.office", office.Name.In(page.Language), hasName ? null : chinese);
        }

        Text("meta.doc_number", item.DocNumber, foreign);
        Text("meta.signer", item.Signer, foreign);
        Text("meta.addressee", item.Addressee, foreign);
        Date("meta.issued", item.Issued);
        Date("meta.published", item.PublishedOrIssued);
        if (item.Year is { } year)
        {
            Text("meta.year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Text("meta.index_no", item.IndexNo);
        Text("meta.category", item.Category, foreign);
        Text("meta.validity", item.Validity, foreign);
        if (item.Kind != "page")
        {
            Text("meta.kind", t["kind." + item.Kind]);
        }

        Text("meta.print_office", item.PrintOffice, foreign);
        Date("meta.print_date", item.PrintDate);
        return rows;
    }
}
