namespace Publisher.Content.Markdown;

/// <summary>A heading of a document body, for the "on this page" list.</summary>
/// <param name="Level">2 for ##, 3 for ###, …</param>
/// <param name="Id">The element id, unique within the page.</param>
/// <param name="Text">The heading as plain text.</param>
public sealed record Heading(int Level, string Id, string Text);
