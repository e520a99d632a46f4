namespace Publisher.Core.Pipelines;

/// <summary>The four phases of every pipeline, in the order they run (Statiq's model).</summary>
public enum Phase
{
    /// <summary>Reads documents; all pipelines' input phases run concurrently.</summary>
    Input,

    /// <summary>Transforms documents; runs after the process phases of the pipeline's dependencies.</summary>
    Process,

    /// <summary>Runs after every pipeline's process phase, so it may read any pipeline's documents.</summary>
    PostProcess,

    /// <summary>Writes results; runs last.</summary>
    Output,
}
