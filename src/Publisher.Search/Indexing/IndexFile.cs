namespace Publisher.Search.Indexing;

/// <summary>One file of a written index.</summary>
/// <param name="Path">Its path inside the index folder, with forward slashes (<c>t/3f.json</c>).</param>
/// <param name="Content">Its JSON text.</param>
public sealed record IndexFile(string Path, string Content);
