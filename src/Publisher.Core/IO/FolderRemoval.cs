namespace Publisher.Core.IO;

/// <summary>
/// Removes a folder tree, several of its branches at a time. Removing a built site is file-system work that the
/// process mostly waits on, so branches removed side by side overlap those waits: a 10,000-document site (28,555
/// files in 25,575 folders) took 6.4 s with one remover, 3.5 s with two and 2.7 s with four on this project's
/// 2-core machine (ext4 without a journal), and 1.55 s, 0.82 s and 0.98 s on a journaled ext4.
/// </summary>
internal static class FolderRemoval
{
    /// <summary>
    /// Deletes <paramref name="directory"/> and everything in it: first its grandchild folders (a site's
    /// <c>office-001/2024</c>, <c>en/office-001</c>: many, of similar size) in parallel, then what is left.
    /// Never throws: what is held by another process or not ours to delete is left for a later try.
    /// </summary>
    public static void TryDelete(string directory)
    {
        try
        {
            if (!Directory.Exists(directory))
            {
                return;
            }

            // Through real folders only: a link to a folder elsewhere is removed as a link (Directory.Delete does not
            // follow it), never entered, or the files it points to would be deleted.
            var branches = new DirectoryInfo(directory).EnumerateDirectories()
                .Where(child => child.LinkTarget is null)
                .SelectMany(child => child.EnumerateDirectories())
                .Where(grandchild => grandchild.LinkTarget is null)
                .Select(grandchild => grandchild.FullName)
                .ToList();
            Parallel.ForEach(branches, new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount }, TryDeleteTree);
            TryDeleteTree(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The folder could not be listed: a later try removes it.
        }
    }

    private static void TryDeleteTree(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Held by another process, already gone, or not ours to delete.
        }
    }
}
