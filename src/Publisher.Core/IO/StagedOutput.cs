using Publisher.Core.Caching;

namespace Publisher.Core.IO;

/// <summary>
/// A build writes into a staging folder beside the real output; only a successful build swaps it in, so a failed
/// or killed build leaves the previous site as it was. Leftover staging folders of killed builds are removed by
/// the next build; a site retired by a build killed in the middle of its swap is put back.
/// </summary>
public sealed class StagedOutput
{
    private const string StagingMarker = ".staging-";
    private const string RetiredMarker = ".retired-";

    private StagedOutput(string target, string staging)
    {
        Target = target;
        Staging = staging;
    }

    /// <summary>The folder readers see (e.g. <c>_site</c>).</summary>
    public string Target { get; }

    /// <summary>The folder this build writes into.</summary>
    public string Staging { get; }

    /// <summary>Creates an empty staging folder for <paramref name="target"/>, clearing leftovers of earlier builds.</summary>
    public static StagedOutput Begin(string target)
    {
        target = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new InvalidOperationException($"'{target}' has no parent folder.");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        if (!Directory.Exists(target) && !File.Exists(target) &&
            Directory.EnumerateDirectories(parent, $".{name}{RetiredMarker}*").FirstOrDefault() is { } retired)
        {
            // A build was killed between its two moves in Commit: the retired folder is the last good site.
            Directory.Move(retired, target);
        }

        foreach (var leftover in Directory.EnumerateDirectories(parent, $".{name}*"))
        {
            var leftoverName = Path.GetFileName(leftover);
            if (leftoverName.StartsWith($".{name}{StagingMarker}", StringComparison.Ordinal) ||
                leftoverName.StartsWith($".{name}{RetiredMarker}", StringComparison.Ordinal))
            {
                FolderRemoval.TryDelete(leftover); // one another build still holds is left for the next build
            }
        }

        var staging = Path.Combine(parent, $".{name}{StagingMarker}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new StagedOutput(target, staging);
    }

    /// <summary>Swaps the staging folder in place of the target.</summary>
    public void Commit()
    {
        string? retired = null;
        if (Directory.Exists(Target))
        {
            retired = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}{RetiredMarker}{Guid.NewGuid():N}");
            Directory.Move(Target, retired);
        }

        Directory.Move(Staging, Target);
        if (retired is not null)
        {
            FolderRemoval.TryDelete(retired);
        }
    }

    /// <summary>
    /// Finishes an incremental build: moves the files this build wrote into the target, deletes the files the
    /// previous build recorded that this build neither wrote nor kept (outputs of deleted sources), removes the
    /// folders that leaves empty and saves the record. Only recorded files are considered, so the target is not
    /// walked (at 10,000 documents two walks of its 28,000 files and 21,000 folders took 1.5 s); a file put into
    /// the target by hand stays until a <c>--clean</c> build. The target is changed in place, so the cache is
    /// marked first: if this step is interrupted, the next build starts clean. Without a previous record this is
    /// <see cref="Commit"/> followed by saving the record.
    /// </summary>
    public void CommitIncremental(OutputCache cache)
    {
        if (!cache.IsIncremental || !Directory.Exists(Target))
        {
            Commit();
            cache.Save();
            return;
        }

        cache.BeginSync();
        var produced = new HashSet<string>(StringComparer.Ordinal); // besides the recorded outputs (a set of its own was 28,000 paths hashed again)
        foreach (var file in Directory.EnumerateFiles(Staging, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Staging, file).Replace('\\', '/');
            var destination = Path.Combine(Target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(file, destination, overwrite: true);
            produced.Add(relative);
        }

        var emptied = new HashSet<string>(StringComparer.Ordinal);
        var removed = cache.UnrecordedPreviousCount == 0 ? [] : cache.PreviousPaths.Where(p => !cache.IsRecorded(p) && !produced.Contains(p));
        foreach (var relative in removed)
        {
            var file = Path.Combine(Target, relative);
            if (File.Exists(file))
            {
                File.Delete(file);
            }

            emptied.Add(Path.GetDirectoryName(file)!);
        }

        foreach (var directory in emptied.OrderByDescending(d => d.Length))
        {
            RemoveIfEmpty(directory);
        }

        FolderRemoval.TryDelete(Staging);
        cache.Save();
    }

    /// <summary>Throws the staging folder away; the target is untouched.</summary>
    public void Abandon() => FolderRemoval.TryDelete(Staging);

    /// <summary>Removes <paramref name="directory"/> and then each parent below the target while they are empty.</summary>
    private void RemoveIfEmpty(string directory)
    {
        var target = Target + Path.DirectorySeparatorChar;
        while (directory.StartsWith(target, StringComparison.Ordinal) && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }
}
