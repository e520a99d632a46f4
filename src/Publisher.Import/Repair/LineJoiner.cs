namespace Publisher.Import.Repair;

/// <summary>
/// Joins two pieces of a paragraph that a line break split: nothing goes between Chinese text, one space goes
/// between Latin words or numbers ("the" + "report" → "the report"), and a hyphen that broke a Latin word is kept.
/// </summary>
internal static class LineJoiner
{
    /// <summary>Joins <paramref name="left"/> and <paramref name="right"/>.</summary>
    public static string Join(string left, string right)
    {
        if (left.Length == 0)
        {
            return right;
        }

        if (right.Length == 0)
        {
            return left;
        }

        var last = left[^1];
        var first = right[0];
        var needsSpace = IsWordChar(last) && IsWordChar(first);
        return needsSpace ? left + " " + right : left + right;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is ',' or '.' or ';' or ':' or ')';
}
