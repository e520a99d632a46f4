using System.Globalization;
using System.Text.RegularExpressions;

namespace Publisher.Import.Metadata;

/// <summary>
/// Takes the letterhead, 发文字号, 签发人, title and 主送 from the top of a document, and the signature, 成文日期,
/// 印发 line and copies from the bottom, removing those lines from the body.
/// </summary>
internal static partial class MetadataExtractor
{
    private const int MaximumTitleLength = 80;
    private const int MaximumTitleLineLength = 50;
    private const int MaximumTitleLines = 3;

    /// <summary>Reads the fields and removes their lines from <paramref name="lines"/>.</summary>
    public static ExtractedFields Extract(List<string> lines)
    {
        var fields = ExtractHead(lines);
        return ExtractTail(lines, fields);
    }

    /// <summary>Normalises a 发文字号 match to the 〔〕 form.</summary>
    public static string FormatDocNumber(Match match) =>
        string.Create(CultureInfo.InvariantCulture, $"{match.Groups["org"].Value}〔{match.Groups["y"].Value}〕{int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture)}号");

    private static ExtractedFields ExtractHead(List<string> lines)
    {
        var fields = new ExtractedFields();
        var titleLines = new List<string>();
        var index = 0;
        while (index < lines.Count)
        {
            var line = lines[index];
            if (line.Length == 0)
            {
                index++;
                continue;
            }

            var rest = line;
            var consumed = false;
            if (fields.Letterhead is null && titleLines.Count == 0 && Letterhead().Match(rest) is { Success: true } letterhead)
            {
                fields = fields with { Letterhead = letterhead.Groups["org"].Value };
                rest = string.Empty;
                consumed = true;
            }

            if (fields.DocNumber is null && DocNumber().Match(rest) is { Success: true } number && rest.Length < 40)
            {
                fields = fields with { DocNumber = FormatDocNumber(number) };
                rest = rest.Remove(number.Index, number.Length).Trim();
                consumed = true;
            }

            if (fields.Signer is null && Signer().Match(rest) is { Success: true } signer)
            {
                fields = fields with { Signer = signer.Groups["name"].Value };
                rest = rest.Remove(signer.Index, signer.Length).Trim();
                consumed = true;
            }

            if (consumed && rest.Length == 0)
            {
                lines[index] = string.Empty;
                index++;
                continue;
            }

            if (Addressee().Match(rest) is { Success: true } addressee)
            {
                fields = fields with { Addressee = addressee.Groups["to"].Value };
                lines[index] = string.Empty;
                break;
            }

            if (titleLines.Count < MaximumTitleLines && IsTitleLine(rest) && titleLines.Sum(t => t.Length) + rest.Length <= MaximumTitleLength)
            {
                titleLines.Add(rest);
                index++;
                continue;
            }

            break;
        }

        var title = string.Concat(titleLines);
        if (title.Length > 0 && TitleWord().IsMatch(title))
        {
            fields = fields with { Title = title };
            for (var k = 0; k < index; k++)
            {
                if (titleLines.Contains(lines[k]))
                {
                    lines[k] = string.Empty;
                }
            }
        }

        return fields;
    }

    private static bool IsTitleLine(string line) =>
        line.Length <= MaximumTitleLineLength
        && !line.StartsWith('#')
        && !"。，；：！？,;:".Contains(line[^1], StringComparison.Ordinal)
        && !line.Contains('。', StringComparison.Ordinal)
        && !HeadingNumber().IsMatch(line);

    private static ExtractedFields ExtractTail(List<string> lines, ExtractedFields fields)
    {
        var index = LastNonEmpty(lines, lines.Count - 1);
        while (index >= 0)
        {
            var line = lines[index];
            if (Copies().Match(line) is { Success: true } copies && fields.Copies is null)
            {
                fields = fields with { Copies = int.Parse(copies.Groups["n"].Value, CultureInfo.InvariantCulture) };
                line = line.Remove(copies.Index, copies.Length).Trim();
                lines[index] = line;
                if (line.Length == 0)
                {
                    index = LastNonEmpty(lines, index - 1);
                    continue;
                }
            }

            if (PrintLine().Match(line) is { Success: true } print && fields.PrintDate is null)
            {
                fields = fields with { PrintDate = ChineseDate.FromMatch(print), PrintOffice = NullIfEmpty(print.Groups["org"].Value) };
                lines[index] = string.Empty;
                var previous = LastNonEmpty(lines, index - 1);
                if (fields.PrintOffice is null && previous >= 0 && IsOrganisation(lines[previous]))
                {
                    fields = fields with { PrintOffice = lines[previous] };
                    lines[previous] = string.Empty;
                }

                index = LastNonEmpty(lines, index - 1);
                continue;
            }

            if (CopyTo().IsMatch(line) || NoText().IsMatch(line))
            {
                lines[index] = string.Empty;
                index = LastNonEmpty(lines, index - 1);
                continue;
            }

            if (DateLine().Match(line) is { Success: true } date && fields.Issued is null)
            {
                fields = fields with { Issued = ChineseDate.FromMatch(date) };
                var org = NullIfEmpty(date.Groups["org"].Value);
                lines[index] = string.Empty;
                var previous = LastNonEmpty(lines, index - 1);
                if (org is null && previous >= 0 && IsOrganisation(lines[previous]))
                {
                    org = lines[previous];
                    lines[previous] = string.Empty;
                }

                fields = fields with { Signature = org };
                break;
            }

            break;
        }

        return fields;
    }

    private static bool IsOrganisation(string line) => line.Length <= 40 && Organisation().IsMatch(line);

    private static int LastNonEmpty(List<string> lines, int from)
    {
        for (var k = from; k >= 0; k--)
        {
            if (lines[k].Length > 0)
            {
                return k;
            }
        }

        return -1;
    }

    private static string? NullIfEmpty(string value) => value.Trim().Length == 0 ? null : value.Trim();

    [GeneratedRegex(@"^(?<org>\p{IsCJKUnifiedIdeographs}{4,40}?)\s*文\s*件$")]
    private static partial Regex Letterhead();

    [GeneratedRegex(@"(?<org>\p{IsCJKUnifiedIdeographs}{1,12})\s*[〔\[［(（【]\s*(?<y>\d{4})\s*[〕\]］)）】]\s*第?\s*(?<n>\d{1,5})\s*号")]
    private static partial Regex DocNumber();

    [GeneratedRegex(@"签\s*发\s*人\s*[:：]\s*(?<name>\p{IsCJKUnifiedIdeographs}{2,4}(?:[、 ]\p{IsCJKUnifiedIdeographs}{2,4})*)")]
    private static partial Regex Signer();

    [GeneratedRegex(@"^(?:主送[:：]\s*)?(?<to>[\p{IsCJKUnifiedIdeographs}、，]{2,30})[:：]$")]
    private static partial Regex Addressee();

    [GeneratedRegex(@"报告|通知|意见|办法|方案|决定|总结|规划|公告|通报|请示|批复|函|要点|规定|细则|计划")]
    private static partial Regex TitleWord();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d))")]
    private static partial Regex HeadingNumber();

    [GeneratedRegex(@"[（(]?\s*共\s*印\s*(?<n>\d{1,5})\s*份\s*[)）]?")]
    private static partial Regex Copies();

    [GeneratedRegex(@"^(?<org>.{0,40}?)\s*" + ChineseDate.Pattern + @"\s*印\s*发$")]
    private static partial Regex PrintLine();

    [GeneratedRegex(@"^(?<org>\p{IsCJKUnifiedIdeographs}{0,40}?)\s*" + ChineseDate.Pattern + "$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^抄\s*送[:：]|^[（(]此(件|页)")]
    private static partial Regex CopyTo();

    [GeneratedRegex(@"^[（(]?(此件公开发布|此页无正文)[)）]?$")]
    private static partial Regex NoText();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,40}$")]
    private static partial Regex Organisation();
}
