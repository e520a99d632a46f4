using System.Reflection;

namespace Publisher.Core.Caching;

/// <summary>Which build of Publisher's code is running: what a cached output or a running build server is tied to.</summary>
public static class CodeIdentity
{
    /// <summary>
    /// <paramref name="from"/> and every Publisher assembly it references, directly or not: the code a build runs.
    /// Not the assemblies loaded so far, which grow as a process builds (a preview server or a test host would
    /// otherwise see a new identity on its second build).
    /// </summary>
    public static IEnumerable<Assembly> PublisherAssemblies(Assembly from)
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([from]);
        while (pending.TryDequeue(out var assembly))
        {
            if (found.TryAdd(assembly.GetName().Name!, assembly))
            {
                foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name?.StartsWith("Publisher.", StringComparison.Ordinal) == true))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }

        return found.Values;
    }

    /// <summary>One line per assembly of <see cref="PublisherAssemblies"/>, its name and the id of this build of it, in name order.</summary>
    public static IEnumerable<string> Parts(Assembly from) =>
        PublisherAssemblies(from).Select(a => a.GetName().Name + ":" + a.ManifestModule.ModuleVersionId).Order(StringComparer.Ordinal);

    /// <summary>A hash of <see cref="Parts"/>: it changes whenever any of those assemblies is rebuilt with a change.</summary>
    public static string Of(Assembly from) => ContentHash.OfParts(Parts(from));
}
