using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using RazorLight;
using RazorLight.Compilation;
using RazorLight.Generation;
using RazorLight.Razor;

namespace Publisher.Site.Rendering;

/// <summary>
/// Compiled Razor templates kept on disk, so a later process loads a template's assembly instead of generating C#
/// and running Roslyn again (about 4 s for the default theme on a cold process).
/// </summary>
/// <remarks>
/// <para>
/// The key hashes what the compiled assembly is made from: the template's key and source text, the default
/// namespaces, the cache format, and the module version ids of RazorLight, Razor, Roslyn, the runtime, the
/// operating assembly and every Publisher assembly it references (deterministic builds give a new id exactly when
/// the code changes). The theme's file-system project has no imports, so nothing else goes into the generated code.
/// </para>
/// <para>
/// An entry is <c>&lt;key&gt;-&lt;content hash&gt;.dll</c>: the assembly exactly as RazorLight emitted it, named with the
/// SHA-256 of its own bytes, so a truncated or damaged file is recognised, deleted and compiled again. New entries
/// come from RazorLight's pre-compile callback, are written to a temporary file and moved into place, so readers
/// in other processes never see half a file.
/// </para>
/// </remarks>
internal sealed class TemplateAssemblyCache : IPrecompileCallback
{
    private const string Extension = ".dll";
    private const int HashLength = 64;

    /// <summary>
    /// Entries already loaded in this process, by file name. An assembly loaded from bytes is never unloaded, so
    /// the preview server, which makes a renderer for every rebuild, reuses them instead of loading copies.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Assembly> LoadedEntries = new(StringComparer.Ordinal);

    private readonly string _directory;
    private readonly string _environment;
    private int _loaded;
    private int _stored;

    /// <summary>Creates the cache over <paramref name="directory"/> (created on first write).</summary>
    public TemplateAssemblyCache(string directory, Assembly operatingAssembly, IEnumerable<string> namespaces)
    {
        _directory = directory;
        _environment = Environment(operatingAssembly, namespaces);
    }

    /// <summary>How many templates were loaded from disk.</summary>
    public int Loaded => _loaded;

    /// <summary>How many compiled templates were handed over for storing (each one a Roslyn compilation).</summary>
    public int Stored => _stored;

    /// <summary>The key of a template: hex SHA-256 of its key and source text and the environment.</summary>
    public string KeyOf(RazorLightProjectItem item)
    {
        using var source = item.Read();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(_environment + "\n" + item.Key + "\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            hash.AppendData(buffer.AsSpan(0, read));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>True when an entry is stored under <paramref name="key"/> (it is checked only when loaded).</summary>
    public bool Holds(string key) =>
        Directory.Exists(_directory) && Directory.EnumerateFiles(_directory, key + "-*" + Extension).Any();

    /// <summary>Loads the assembly stored under <paramref name="key"/>, or null (damaged entries are deleted).</summary>
    public Assembly? TryLoad(string key)
    {
        if (!Directory.Exists(_directory))
        {
            return null;
        }

        foreach (var file in Directory.EnumerateFiles(_directory, key + "-*" + Extension))
        {
            try
            {
                var bytes = File.ReadAllBytes(file);
                var name = Path.GetFileNameWithoutExtension(file);
                if (name.Length == key.Length + 1 + HashLength && string.Equals(name[(key.Length + 1)..], Convert.ToHexStringLower(SHA256.HashData(bytes)), StringComparison.Ordinal))
                {
                    var assembly = LoadedEntries.GetOrAdd(name, _ => Assembly.Load(bytes));
                    Interlocked.Increment(ref _loaded);
                    return assembly;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
            {
                // Unreadable or not an assembly: deleted below like an entry whose bytes do not match its name.
            }

            TryDelete(file);
        }

        return null;
    }

    /// <summary>Called by RazorLight with the bytes of each template it compiled: stores them.</summary>
    public void Invoke(IGeneratedRazorTemplate generatedRazorTemplate, byte[] rawAssembly, byte[] rawSymbolStore)
    {
        Interlocked.Increment(ref _stored);
        var key = KeyOf(generatedRazorTemplate.ProjectItem);
        var target = Path.Combine(_directory, key + "-" + Convert.ToHexStringLower(SHA256.HashData(rawAssembly)) + Extension);
        var temporary = Path.Combine(_directory, key + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllBytes(temporary, rawAssembly);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the next build the compilation; this build goes on.
            TryDelete(temporary);
        }
    }

    private static string Environment(Assembly operatingAssembly, IEnumerable<string> namespaces)
    {
        var parts = new List<string>
        {
            "publisher-razor-cache 1",
            "RazorLight " + typeof(RazorLightEngine).Assembly.ManifestModule.ModuleVersionId,
            "Razor " + typeof(Microsoft.AspNetCore.Razor.Language.RazorEngine).Assembly.ManifestModule.ModuleVersionId,
            "Roslyn " + typeof(Compilation).Assembly.ManifestModule.ModuleVersionId,
            "Runtime " + System.Environment.Version,
            "Namespaces " + string.Join(';', namespaces.Order(StringComparer.Ordinal)),
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([operatingAssembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name ?? string.Empty))
            {
                continue;
            }

            parts.Add(assembly.GetName().Name + " " + assembly.ManifestModule.ModuleVersionId);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name?.StartsWith("Publisher.", StringComparison.Ordinal) == true && !seen.Contains(reference.Name))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        parts.Sort(StringComparer.Ordinal);
        return string.Join('\n', parts);
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next build, which checks the entry again.
        }
    }
}
