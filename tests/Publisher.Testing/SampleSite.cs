namespace Publisher.Testing;

/// <summary>Copies the repository's sample site (settings, theme, content) into a folder a test may change.</summary>
public static class SampleSite
{
    public static string CopyTo(TempDirectory directory, bool includeContent = true)
    {
        File.Copy(System.IO.Path.Combine(RepositoryRoot.Path, "site.config.json"), directory.Combine("site.config.json"));
        CopyFolder(System.IO.Path.Combine(RepositoryRoot.Path, "themes"), directory.Combine("themes"));
        if (includeContent)
        {
            CopyFolder(System.IO.Path.Combine(RepositoryRoot.Path, "content"), directory.Combine("content"));
        }

        return directory.Combine("site.config.json");
    }

    public static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    /// <summary>Every file under a folder with its bytes, keyed by relative path.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
