namespace Publisher.Core.IO;

/// <summary>Checks that a relative output path stays inside the output folder.</summary>
public static class OutputPath
{
    /// <summary>
    /// Returns null when <paramref name="relative"/> is a safe relative path, otherwise why it is not: absolute
    /// paths, drive letters, <c>..</c> segments, NUL and other control characters could write outside the site.
    /// </summary>
    public static string? Problem(string relative)
    {
        if (string.IsNullOrWhiteSpace(relative))
        {
            return "the path is empty";
        }

        if (relative.Any(char.IsControl))
        {
            return "the path contains a control character";
        }

        if (relative.StartsWith('/') || relative.StartsWith('\\') || Path.IsPathRooted(relative) ||
            (relative.Length >= 2 && char.IsAsciiLetter(relative[0]) && relative[1] == ':'))
        {
            return "the path is absolute";
        }

        var segments = relative.Split('/', '\\');
        if (segments.Any(s => s is ".." or "."))
        {
            return "the path contains '.' or '..' segments";
        }

        return null;
    }

    /// <summary>Combines the root and a checked relative path.</summary>
    /// <exception cref="InvalidOperationException">The path would leave the root.</exception>
    public static string Resolve(string root, string relative)
    {
        if (Problem(relative) is { } problem)
        {
            throw new InvalidOperationException($"Refusing to write '{relative}': {problem}.");
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(fullRoot, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Refusing to write '{relative}': it leaves the output folder.");
        }

        return full;
    }
}
