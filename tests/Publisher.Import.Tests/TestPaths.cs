namespace Publisher.Import.Tests;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Seeds => Path.Combine(RepositoryRoot, "..", "..", "shared", "seeds");

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
