using Publisher.Core.Modules;

namespace Publisher.Core.Pipelines;

/// <summary>A pipeline assembled in code: subclass it, or fill the lists of a new instance.</summary>
public class Pipeline : IPipeline
{
    /// <summary>Creates a pipeline named after its type (Statiq.Web's convention).</summary>
    public Pipeline() => Name = GetType().Name;

    /// <summary>Creates a pipeline with an explicit name.</summary>
    public Pipeline(string name) => Name = name;

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Names of pipelines this one depends on (use <c>nameof</c>).</summary>
    public HashSet<string> DependencyNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Modules of the input phase.</summary>
    public List<IModule> Input { get; } = [];

    /// <summary>Modules of the process phase.</summary>
    public List<IModule> Process { get; } = [];

    /// <summary>Modules of the post-process phase.</summary>
    public List<IModule> PostProcess { get; } = [];

    /// <summary>Modules of the output phase.</summary>
    public List<IModule> Output { get; } = [];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Dependencies => DependencyNames;

    /// <inheritdoc />
    public IReadOnlyList<IModule> Modules(Phase phase) => phase switch
    {
        Phase.Input => Input,
        Phase.Process => Process,
        Phase.PostProcess => PostProcess,
        Phase.Output => Output,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };
}
