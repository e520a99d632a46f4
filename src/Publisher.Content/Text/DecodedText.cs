namespace Publisher.Content.Text;

/// <summary>Text read from a file and, when it was not UTF-8, the encoding it was converted from.</summary>
/// <param name="Text">The text, without a byte-order mark.</param>
/// <param name="ConvertedFrom">The name of the original encoding, or null for UTF-8.</param>
public sealed record DecodedText(string Text, string? ConvertedFrom);
