using Publisher.Testing;

namespace Publisher.Preview.Tests;

public sealed class TemporaryPreviewFolderTests
{
    [Fact]
    public void Should_DeleteTheFoldersOfStoppedPreviewsOnly_When_APreviewStarts()
    {
        // Given: a preview killed before it deleted its folder (its process is gone), one still running (this
        // process), and folders without an owner from before previews named one, an old one and a fresh one
        using var parent = new TempDirectory();
        var (killed, running, old, fresh) = (Id(), Id(), Id(), Id());
        parent.Write($"{killed}/index.html", "旧站点");
        parent.Write($".{killed}.staging-1-{Id()}/index.html", "半个站点");
        parent.Write($"{killed}.owner", $"{ExitedProcessId()} 638000000000000000");
        parent.Write($"{running}/index.html", "在用的站点");
        using (var self = System.Diagnostics.Process.GetCurrentProcess())
        {
            parent.Write($"{running}.owner", TemporaryPreviewFolder.Owner(self));
        }

        parent.Write($"{old}/index.html", "很久以前");
        Directory.SetLastWriteTimeUtc(parent.Combine(old), DateTime.UtcNow.AddDays(-3));
        parent.Write($"{fresh}/index.html", "刚才");
        parent.Write("notes/keep.txt", "not a preview's folder");

        // When
        var started = TemporaryPreviewFolder.Create(parent.Path);
        Directory.CreateDirectory(started.Path);
        var whileRunning = Names(parent.Path);
        started.Dispose();

        // Then: the stopped preview's folder, leftovers and owner file went, and the old ownerless folder; the running
        // preview's, the fresh one and what is not a preview's folder stayed; the new preview's went when it stopped
        Assert.Equal(
            new[] { Path.GetFileName(started.Path), Path.GetFileName(started.Path) + ".owner", fresh, "notes", running, running + ".owner" }.Order(StringComparer.Ordinal),
            whileRunning);
        Assert.Equal(new[] { fresh, "notes", running, running + ".owner" }.Order(StringComparer.Ordinal), Names(parent.Path));
    }

    private static string Id() => Guid.NewGuid().ToString("N");

    /// <summary>The id of a process that has exited (and that no other process has been given since, most likely).</summary>
    private static int ExitedProcessId()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        process.WaitForExit();
        return process.Id;
    }

    private static List<string> Names(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)];
}
