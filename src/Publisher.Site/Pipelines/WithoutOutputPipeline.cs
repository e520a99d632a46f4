using Publisher.Core.Modules;
using Publisher.Core.Pipelines;

namespace Publisher.Site.Pipelines;

/// <summary>
/// Wraps a pipeline and drops its Output phase, so <c>publisher check</c> runs every reading, parsing, validating
/// and rendering step of a build but writes nothing.
/// </summary>
internal sealed class WithoutOutputPipeline(IPipeline inner) : IPipeline
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Dependencies => inner.Dependencies;

    /// <inheritdoc />
    public IReadOnlyList<IModule> Modules(Phase phase) => phase == Phase.Output ? [] : inner.Modules(phase);
}
