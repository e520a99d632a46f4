namespace Publisher.Cli;

/// <summary>How to start this same program again, for the benchmark's child builds and for the build server.</summary>
internal static class PublisherExecutable
{
    /// <summary>The program to start, and the arguments that come first: the assembly, when it runs as <c>dotnet publisher.dll</c>.</summary>
    public static (string FileName, string[] Prefix) Command()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? (process, [typeof(PublisherExecutable).Assembly.Location]) : (process, []);
    }
}
