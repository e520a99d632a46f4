namespace Publisher.Core.Pipelines;

/// <summary>Thrown before anything runs when pipeline dependencies form a cycle or name a missing pipeline.</summary>
public sealed class PipelineCycleException(string message) : Exception(message);
