namespace Publisher.Testing;

/// <summary>Finds the repository (the folder holding Publisher.sln) from a test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Publisher.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Publisher.sln not found above " + AppContext.BaseDirectory);
    }
}
