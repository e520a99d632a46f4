namespace Publisher.Import.Tests;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared/seeds beside the repository (CI and /work/main); one level higher from a git worktree.</summary>
    public static string Seeds { get; } = new[] { Path.Combine(RepositoryRoot, "..", "shared", "seeds"), Path.Combine(RepositoryRoot, "..", "..", "shared", "seeds") }
        .Select(Path.GetFullPath)
        .FirstOrDefault(Directory.Exists)
        ?? throw new InvalidOperationException("The seeds were not found: clone the repository with ../shared beside it (../shared/seeds/*.txt).");

    public static string Offices => Path.Combine(RepositoryRoot, "content", "offices");

    public static string Golden => Path.Combine(RepositoryRoot, "tests", "Publisher.Import.Tests", "Golden");

    public static string Fixtures => Path.Combine(RepositoryRoot, "tests", "Publisher.Import.Tests", "Fixtures");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Publisher.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Publisher.sln not found above the test folder.");
    }
}
