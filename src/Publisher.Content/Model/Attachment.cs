using Publisher.Core.Diagnostics;

namespace Publisher.Content.Model;

/// <summary>A file published with a document.</summary>
/// <param name="File">The file name, relative to the document's folder.</param>
/// <param name="Title">What the file is.</param>
/// <param name="Location">Where the <c>file:</c> value is written in the front matter, for errors.</param>
public sealed record Attachment(string File, string Title, SourceSpan Location = default);
