using System.Text;
using Publisher.Core.Diagnostics;
using UtfUnknown;

namespace Publisher.Content.Text;

/// <summary>
/// Decodes content files. UTF-8 (with or without a BOM) is read as is. UTF-16 (by its BOM, or without one by its zero bytes) and GB18030/GBK
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
        var decoded = DecodeAny(bytes, file);
        var nul = decoded.Text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var before = decoded.Text.AsSpan(0, nul);
            var line = before.Count('\n') + 1;
            var column = nul - before.LastIndexOf('\n');
            throw new ContentException(
                "PUB0901",
                new SourceSpan(file, line, column),
                "the file contains a NUL character (byte 0x00); it may be a binary file or damaged.",
                "Delete the invisible character at this position, or save the file again as UTF-8 text.");
        }

        return decoded;
    }

    private static DecodedText DecodeAny(ReadOnlySpan<byte> bytes, string file)
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

        if (Utf16WithoutBom(bytes) is { } utf16)
        {
            return new DecodedText(utf16.GetString(bytes), utf16.CodePage == Encoding.Unicode.CodePage ? "UTF-16LE" : "UTF-16BE");
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

    /// <summary>
    /// UTF-16 saved without a BOM (Windows tools do this) is valid UTF-8 full of NUL bytes; front matter is mostly
    /// ASCII, so most of its characters have a zero high byte at every other position.
    /// </summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var pairs = Math.Min(bytes.Length / 2, 512);
        if (pairs < 2)
        {
            return null;
        }

        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < pairs; i++)
        {
            zeroEven += bytes[2 * i] == 0 ? 1 : 0;
            zeroOdd += bytes[(2 * i) + 1] == 0 ? 1 : 0;
        }

        return zeroOdd * 2 > pairs && zeroEven * 4 < zeroOdd ? Encoding.Unicode
            : zeroEven * 2 > pairs && zeroOdd * 4 < zeroEven ? Encoding.BigEndianUnicode
            : null;
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
