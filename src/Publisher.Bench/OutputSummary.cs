namespace Publisher.Bench;

/// <summary>Counts of a built site folder.</summary>
/// <param name="Pages">HTML files.</param>
/// <param name="Files">All files.</param>
/// <param name="Bytes">All bytes.</param>
/// <param name="SearchIndexBytes">Bytes of search-index files (non-HTML files under a <c>search</c> folder, or <c>index.json</c> at a language root).</param>
/// <param name="SearchIndexFiles">Number of search-index files.</param>
public sealed record OutputSummary(int Pages, int Files, long Bytes, long SearchIndexBytes, int SearchIndexFiles)
{
    /// <summary>Counts the files of <paramref name="folder"/>.</summary>
    public static OutputSummary Of(string folder)
    {
        int pages = 0, files = 0, indexFiles = 0;
        long bytes = 0, indexBytes = 0;
        if (!Directory.Exists(folder))
        {
            return new OutputSummary(0, 0, 0, 0, 0);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var length = new FileInfo(file).Length;
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            files++;
            bytes += length;
            if (relative.EndsWith(".html", StringComparison.Ordinal))
            {
                pages++;
            }
            else if (relative.Split('/').Contains("search") || relative is "index.json" or "en/index.json")
            {
                indexFiles++;
                indexBytes += length;
            }
        }

        return new OutputSummary(pages, files, bytes, indexBytes, indexFiles);
    }
}
