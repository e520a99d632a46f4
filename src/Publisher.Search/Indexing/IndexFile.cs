namespace Publisher.Search.Indexing;

/// <summary>One file of a written index.</summary>
/// <param name="Path">Its path inside the index folder, with forward slashes (<c>t/3f.json</c>).</param>
/// <param name="Content">Its JSON text.</param>
public sealed record IndexFile(string Path, string Content);

/// <summary>Receives one file of an index being written: its path inside the index folder and its UTF-8 bytes.</summary>
/// <param name="path">Its path inside the index folder, with forward slashes (<c>t/3f.json</c>).</param>
/// <param name="utf8">Its JSON text, valid only during the call.</param>
public delegate void IndexFileSink(string path, ReadOnlySpan<byte> utf8);
