using System.Text;
using Publisher.Core.Diagnostics;
using UtfUnknown;

namespace Publisher.Content.Text;

/// <summary>
/// Decodes content files. UTF-8 (with or without a BOM) is read as is. UTF-16 (by its BOM) and GB18030/GBK
/// (detected by UTF.Unknown) are converted, and the caller warns that the file should be saved as UTF-8.
/// Anything else that is not valid UTF-8 is refused with the position of the first bad byte.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/> read from <paramref name="file"/>.</summary>
    /// <exception cref="ContentException">The bytes are neither UTF-8 nor a recognised Chinese encoding.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedText(DecodeUtf8(bytes[3..], file, offset: 3), null);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "UTF-16LE");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16BE");
        }

        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
            if (detected?.Encoding is { } encoding && IsChineseEncoding(encoding))
            {
                var gb18030 = Encoding.GetEncoding("GB18030");
                return new DecodedText(gb18030.GetString(bytes), detected.EncodingName.ToUpperInvariant());
            }

            return new DecodedText(DecodeUtf8(bytes, file, offset: 0), null);
        }
    }

    private static bool IsChineseEncoding(Encoding encoding) =>
        encoding.CodePage is 936 or 54936 or 20936 || encoding.WebName.StartsWith("gb", StringComparison.OrdinalIgnoreCase);

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string file, int offset)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var index = Math.Max(0, ex.Index);
            var (line, column) = Locate(bytes, index);
            throw new ContentException(
                "PUB0102",
                new SourceSpan(file, line, column),
                $"the file is not valid UTF-8: byte 0x{bytes[index]:X2} at byte offset {index + offset} cannot be decoded.",
                "Save the file as UTF-8 (in VS Code: 'Save with Encoding' → UTF-8).");
        }
    }

    private static (int Line, int Column) Locate(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..index];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}
