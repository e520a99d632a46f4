namespace Publisher.Site.Rendering;

/// <summary>One choice of a search filter.</summary>
/// <param name="Value">The value sent in the query string (an office id, a kind id).</param>
/// <param name="Text">What the reader sees.</param>
public sealed record SearchFilterOption(string Value, string Text);
