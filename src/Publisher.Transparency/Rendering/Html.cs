using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Publisher.Transparency.Rendering;

/// <summary>HTML escaping that keeps Chinese as characters, and number formatting for cells.</summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Escapes text for an element or a quoted attribute.</summary>
    public static string E(string text) => Encoder.Encode(text);

    /// <summary>A figure as written in the tables: invariant digits, no thousands separator.</summary>
    public static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The lang attribute for Chinese table wording on a page in <paramref name="language"/>, or empty.</summary>
    public static string Lang(string language) => language.StartsWith("zh", StringComparison.Ordinal) ? string.Empty : " lang=\"en\"";
}
