using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Publisher.Preview;

/// <summary>
/// The output folder of a preview on a port picked at random: <c>&lt;temp&gt;/publisher-preview/&lt;id&gt;/</c>, with a
/// file beside it (<c>&lt;id&gt;.owner</c>) naming the process that uses it. A preview deletes its folder when it
/// stops, but a 10,000-document site's folder (28,000 files) takes longer to delete than a stopping process is
/// given after Ctrl+C or SIGTERM; so each preview that starts also deletes the folders whose process is gone.
/// </summary>
/// <remarks>
/// The owner is a process id with the process's start time (an id can be used again by a later process), not a
/// lock held on the file: <c>publisher</c> runs with file locking off (<c>System.IO.DisableFileLocking</c>, it
/// cost a system call per file a build opened).
/// </remarks>
internal sealed partial class TemporaryPreviewFolder : IDisposable
{
    // A folder left by a version of Publisher that named no owner is deleted once it has been left alone this long.
    private static readonly TimeSpan OwnerlessAge = TimeSpan.FromDays(1);

    private readonly string _ownerFile;

    private TemporaryPreviewFolder(string path, string ownerFile)
    {
        Path = path;
        _ownerFile = ownerFile;
    }

    /// <summary>The folder (not created yet: the first build makes it).</summary>
    public string Path { get; }

    /// <summary>Names this process the owner of a new folder, then deletes the folders of previews no longer running.</summary>
    public static TemporaryPreviewFolder Create(string? parent = null)
    {
        parent ??= System.IO.Path.Combine(System.IO.Path.GetTempPath(), "publisher-preview");
        Directory.CreateDirectory(parent);
        var id = Guid.NewGuid().ToString("N");
        var ownerFile = System.IO.Path.Combine(parent, id + ".owner");
        using (var process = Process.GetCurrentProcess())
        {
            File.WriteAllText(ownerFile, Owner(process));
        }

        DeleteAbandoned(parent, id);
        return new TemporaryPreviewFolder(System.IO.Path.Combine(parent, id), ownerFile);
    }

    /// <summary>Deletes the folder (and what a build left beside it), then the owner file.</summary>
    public void Dispose()
    {
        DeleteFolderAndLeftovers(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path));
        TryDeleteFile(_ownerFile);
    }

    /// <summary>What an owner file says: the process id and its start time (UTC ticks).</summary>
    internal static string Owner(Process process) =>
        string.Create(CultureInfo.InvariantCulture, $"{process.Id} {process.StartTime.ToUniversalTime().Ticks}");

    private static void DeleteAbandoned(string parent, string ownId)
    {
        foreach (var ownerFile in Directory.EnumerateFiles(parent, "*.owner"))
        {
            var id = System.IO.Path.GetFileNameWithoutExtension(ownerFile);
            if (Id().IsMatch(id) && id != ownId && !IsRunning(ownerFile))
            {
                DeleteFolderAndLeftovers(parent, id);
                TryDeleteFile(ownerFile);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(parent).Where(f => Id().IsMatch(System.IO.Path.GetFileName(f))))
        {
            if (!File.Exists(folder + ".owner") && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > OwnerlessAge)
            {
                DeleteFolderAndLeftovers(parent, System.IO.Path.GetFileName(folder));
            }
        }
    }

    /// <summary>True when the process an owner file names is running (an unreadable file counts as running: left alone).</summary>
    private static bool IsRunning(string ownerFile)
    {
        string[] parts;
        try
        {
            parts = File.ReadAllText(ownerFile).Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }

        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var started))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            return Math.Abs(process.StartTime.ToUniversalTime().Ticks - started) < TimeSpan.TicksPerSecond;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false; // no such process, or it has exited
        }
    }

    /// <summary>Deletes the folder <paramref name="id"/> and the staging or retired folders its builds left beside it (<c>.&lt;id&gt;.…</c>).</summary>
    private static void DeleteFolderAndLeftovers(string parent, string id)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, "." + id + ".*").Append(System.IO.Path.Combine(parent, id)))
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for the next preview that starts.
            }
        }
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Id();
}
