using System.Text.RegularExpressions;

namespace Publisher.Core.Caching;

/// <summary>
/// Removes the cache records of output folders that are gone. Each output folder has its own records in the cache
/// folder (<c>outputs-</c>, <c>notes-</c>, <c>sources-</c>, <c>search-index-…-</c> followed by a hash of the folder's
/// path): 55 MB at 10,000 documents. Without this, every preview session (its output folder is a temporary one,
/// deleted when it stops) and every build into a new folder left its records behind for good.
/// </summary>
/// <remarks>
/// Each build names its output folder in <c>folder-&lt;hash&gt;.txt</c>; another folder's records are removed when
/// that folder no longer exists, or when they have no such file (written before it existed) and are older than
/// <see cref="UnnamedGrace"/> (a build running at the same time writes its file when it saves).
/// </remarks>
internal static partial class StaleRecords
{
    /// <summary>How long records that name no output folder are kept.</summary>
    internal static readonly TimeSpan UnnamedGrace = TimeSpan.FromDays(1);

    private const string FolderPrefix = "folder-";

    /// <summary>Names <paramref name="targetDirectory"/> as the owner of the records keyed <paramref name="folderKey"/>.</summary>
    public static void Name(string cacheDirectory, string folderKey, string targetDirectory)
    {
        var path = Path.Combine(cacheDirectory, FolderPrefix + folderKey + ".txt");
        if (!File.Exists(path) || File.ReadAllText(path) != targetDirectory)
        {
            File.WriteAllText(path, targetDirectory);
        }
    }

    /// <summary>Deletes the records of every other output folder that is gone; never throws for a file it cannot delete.</summary>
    public static void Prune(string cacheDirectory, string ownKey)
    {
        var now = DateTime.UtcNow;
        var groups = Directory.EnumerateFiles(cacheDirectory)
            .Select(path => (Path: path, Match: RecordName().Match(Path.GetFileName(path))))
            .Where(file => file.Match.Success && file.Match.Groups["key"].Value != ownKey)
            .GroupBy(file => file.Match.Groups["key"].Value, file => file.Path);
        foreach (var group in groups)
        {
            var folderFile = Path.Combine(cacheDirectory, FolderPrefix + group.Key + ".txt");
            var stale = File.Exists(folderFile)
                ? !Directory.Exists(File.ReadAllText(folderFile))
                : group.All(path => now - File.GetLastWriteTimeUtc(path) > UnnamedGrace);
            if (!stale)
            {
                continue;
            }

            // The folder file last, so that an interrupted prune is finished by the next build.
            foreach (var path in group.Where(p => p != folderFile).Append(folderFile))
            {
                TryDelete(path);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Held open by a concurrent build, or read-only: a later build tries again.
        }
    }

    // <prefix>-<16 hex digits of the folder key>.<extension>[.tmp]: the record names of OutputCache.RecordPath.
    [GeneratedRegex(@"^[A-Za-z-]+-(?<key>[0-9a-f]{16})\.[a-z]+(\.tmp)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordName();
}
