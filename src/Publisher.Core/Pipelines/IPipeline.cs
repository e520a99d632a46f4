using Publisher.Core.Modules;

namespace Publisher.Core.Pipelines;

/// <summary>A named chain of modules in four phases, with the names of the pipelines it depends on.</summary>
public interface IPipeline
{
    /// <summary>The pipeline's unique name.</summary>
    string Name { get; }

    /// <summary>Names of pipelines whose process phase must finish before this one's begins.</summary>
    IReadOnlyCollection<string> Dependencies { get; }

    /// <summary>Modules of the given phase, in order.</summary>
    IReadOnlyList<IModule> Modules(Phase phase);
}
