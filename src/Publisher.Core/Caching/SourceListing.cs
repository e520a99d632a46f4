using System.IO.Enumeration;

namespace Publisher.Core.Caching;

/// <summary>A file found by listing a folder: its full path, its path below the folder ('/'-separated) and its stamp.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Relative">The file's path below the listed folder, with '/' between its parts.</param>
/// <param name="Stamp">The file's length and times when it was listed (no hash).</param>
public readonly record struct ListedFile(string Path, string Relative, SourceStamps.Stamp Stamp);

/// <summary>
/// The files below a folder whose names match a pattern (as <see cref="Directory.EnumerateFiles(string, string, SearchOption)"/>
/// matches them), sorted by relative path, each with its stamp: read from the file system
/// (<see cref="Scan"/>), or brought up to date from an earlier listing and the paths a file watcher saw change
/// since (<see cref="Update"/>), which reads only the folders those paths are in.
/// </summary>
public static class SourceListing
{
    // Directory.EnumerateFiles matches as Win32 does, with the platform's case rule (EnumerationOptions.Compatible).
    private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    /// <summary>A folder's listing, and whether it can be brought up to date from a watcher's events.</summary>
    /// <param name="Files">The files, sorted by <see cref="ListedFile.Relative"/> (ordinal).</param>
    /// <param name="HasLinks">True when a file or folder in it is a symbolic link: a change to what a link points to is not an event below the folder, so such a listing is always read again.</param>
    public sealed record Listing(ListedFile[] Files, bool HasLinks);

    /// <summary>
    /// Lists <paramref name="root"/> from the file system: its top-level folders are read in parallel (the
    /// 10,000 reports of the benchmark sit in 2,200 folders), each file stat-ed once. A file that is gone by the
    /// time it is stat-ed is left out.
    /// </summary>
    public static Listing Scan(string root, string pattern, int maxDegreeOfParallelism)
    {
        var expression = FileSystemName.TranslateWin32Expression(pattern);
        var hasLinks = false;
        var top = List(root, root, expression, recurse: false, ref hasLinks);
        var folders = Directory.GetDirectories(root);
        var below = new ListedFile[folders.Length][];
        var linked = new bool[folders.Length];
        Parallel.For(0, folders.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            linked[i] = IsSymbolicLink(new DirectoryInfo(folders[i]));
            below[i] = List(root, folders[i], expression, recurse: true, ref linked[i]);
        });

        var files = top.Concat(below.SelectMany(f => f)).ToArray();
        Array.Sort(files, (a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return new Listing(files, hasLinks || linked.Contains(true));
    }

    /// <summary>
    /// <paramref name="previous"/> brought up to date with <paramref name="changed"/>, the full paths a watcher
    /// reported since it was made (created, changed, deleted, renamed from or to): the folder each path is in is
    /// read again, and the files below a path that is gone are dropped. Null when a listing must be read whole
    /// (<see cref="Scan"/>): a path is now a folder (files made in a new folder before the watcher saw it have no
    /// events of their own), or the listed folder itself, or one above it, changed.
    /// </summary>
    public static ListedFile[]? Update(ListedFile[] previous, string root, string pattern, IEnumerable<string> changed)
    {
        var prefix = root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var gone = new List<string>();
        foreach (var path in changed)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (prefix.StartsWith(path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    return null;
                }

                continue;
            }

            if (Directory.Exists(path))
            {
                return null;
            }

            var relative = path[prefix.Length..].Replace('\\', '/');
            gone.Add(relative + "/"); // when it was a folder, its files went with it
            folders.Add(FolderOf(relative.AsSpan()).ToString());
        }

        if (folders.Count == 0)
        {
            return previous;
        }

        // Looked up by span: a rebuild of the preview runs this over every listed file.
        var folderOf = folders.GetAlternateLookup<ReadOnlySpan<char>>();
        var files = new List<ListedFile>(previous.Length + 16);
        files.AddRange(previous.Where(f => !folderOf.Contains(FolderOf(f.Relative.AsSpan())) && !gone.Exists(g => f.Relative.StartsWith(g, StringComparison.Ordinal))));
        var expression = FileSystemName.TranslateWin32Expression(pattern);
        var hasLinks = false;
        foreach (var folder in folders)
        {
            var full = folder.Length == 0 ? root : Path.Combine(root, folder);
            if (Directory.Exists(full))
            {
                files.AddRange(List(root, full, expression, recurse: false, ref hasLinks));
            }
        }

        if (hasLinks)
        {
            return null;
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return [.. files];
    }

    /// <summary>The folder part of a relative path ("" for a file at the top).</summary>
    private static ReadOnlySpan<char> FolderOf(ReadOnlySpan<char> relative)
    {
        var slash = relative.LastIndexOf('/');
        return slash < 0 ? [] : relative[..slash];
    }

    private static ListedFile[] List(string root, string folder, string expression, bool recurse, ref bool hasLinks)
    {
        var folderLinks = false;
        // As Directory.EnumerateFiles does (EnumerationOptions.Compatible): hidden files listed, an unreadable folder an error.
        var options = new EnumerationOptions { RecurseSubdirectories = recurse, AttributesToSkip = 0, MatchType = MatchType.Win32, IgnoreInaccessible = false };
        var found = new FileSystemEnumerable<Found>(folder, (ref FileSystemEntry entry) => Found.Of(root, ref entry), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory && FileSystemName.MatchesWin32Expression(expression, entry.FileName, IgnoreCase),
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
            {
                folderLinks |= (entry.Attributes & FileAttributes.ReparsePoint) != 0;
                return true;
            },
        }.Where(f => f.File is not null).ToList();
        hasLinks |= folderLinks || found.Exists(f => f.IsLink);
        return [.. found.Select(f => f.File!.Value)];
    }

    /// <summary>What listing found at an entry: the file (null when it was gone by the time it was stat-ed) and whether it is a link.</summary>
    private readonly record struct Found(ListedFile? File, bool IsLink)
    {
        public static Found Of(string root, ref FileSystemEntry entry)
        {
            var file = (FileInfo)entry.ToFileSystemInfo();
            if (!file.Exists)
            {
                return default;
            }

            var relative = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            return new Found(new ListedFile(file.FullName, relative, SourceStamps.Stamp.Of(file)), IsSymbolicLink(file));
        }
    }

    private static bool IsSymbolicLink(FileSystemInfo info) => (info.Attributes & FileAttributes.ReparsePoint) != 0;
}
