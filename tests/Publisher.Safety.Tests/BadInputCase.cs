using System.Text;
using System.Text.Json;
using Publisher.Testing;

namespace Publisher.Safety.Tests;

/// <summary>
/// One case of the bad-input corpus: <c>BadInput/&lt;name&gt;/site/…</c> is laid over a copy of the sample site and
/// <c>expected.json</c> says which diagnostic the build must give (or none, for payloads that must only come out
/// encoded). Path characters no file system should have to store are kept %-escaped in the repository.
/// </summary>
public sealed record BadInputCase(string Name, string Description, ExpectedDiagnostic? Expected, string Folder, GeneratedFile? Generate)
{
    public static string CorpusFolder => Path.Combine(AppContext.BaseDirectory, "BadInput");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateDirectories(CorpusFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static BadInputCase Load(string name)
    {
        var folder = Path.Combine(CorpusFolder, name);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "expected.json")));
        var root = json.RootElement;
        var expected = root.GetProperty("expected") is { ValueKind: JsonValueKind.Object } e
            ? new ExpectedDiagnostic(
                e.GetProperty("severity").GetString()!,
                e.GetProperty("code").GetString()!,
                e.GetProperty("file").GetString()!,
                e.GetProperty("line").GetInt32(),
                e.GetProperty("column").GetInt32(),
                e.GetProperty("message").GetString()!)
            : null;
        var generate = root.TryGetProperty("generate", out var g)
            ? new GeneratedFile(g.GetProperty("file").GetString()!, g.GetProperty("bytes").GetInt32())
            : null;
        return new BadInputCase(name, root.GetProperty("description").GetString()!, expected, folder, generate);
    }

    /// <summary>Copies the sample site into <paramref name="temp"/> and lays this case over it.</summary>
    public string Apply(TempDirectory temp)
    {
        var config = SampleSite.CopyTo(temp);
        var site = Path.Combine(Folder, "site");
        foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories))
        {
            var relative = Uri.UnescapeDataString(Path.GetRelativePath(site, file).Replace('\\', '/'));
            var target = temp.Combine(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        if (Generate is { } generate)
        {
            // The front matter is valid; the size alone is the problem.
            using var stream = File.Open(temp.Combine(generate.File), FileMode.Append);
            var line = Encoding.UTF8.GetBytes("这一行只是为了让文件变大。\n");
            for (long written = stream.Length; written < generate.Bytes; written += line.Length)
            {
                stream.Write(line);
            }
        }

        return config;
    }

    public override string ToString() => Name;
}

public sealed record ExpectedDiagnostic(string Severity, string Code, string File, int Line, int Column, string Message);

public sealed record GeneratedFile(string File, int Bytes);
