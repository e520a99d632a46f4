namespace Publisher.Core.Documents;

/// <summary>
/// An immutable unit of work flowing through the pipelines: where it came from, where it goes, its metadata and
/// its content. A change returns a new document (Statiq's <c>IDocument.Clone</c>, as a sealed record).
/// </summary>
public sealed record Document
{
    private readonly string _content = string.Empty;

    /// <summary>The source path relative to the input root, with forward slashes; empty for generated documents.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The output path relative to the output root, with forward slashes; empty when nothing is written.</summary>
    public string Destination { get; init; } = string.Empty;

    /// <summary>Metadata, sorted by key so that anything derived from it is deterministic.</summary>
    public DocumentMetadata Metadata { get; init; } = DocumentMetadata.Empty;

    /// <summary>
    /// The content: source text, rendered HTML or any other text the module chain produces. When it is deferred
    /// (<see cref="WithDeferredContent"/>) each read loads it again, so read it once into a local.
    /// </summary>
    public string Content
    {
        get => ContentLoader is { } load ? load() : _content;
        init
        {
            _content = value;
            ContentLoader = null;
        }
    }

    /// <summary>
    /// True when the content is loaded only when read (a source file the build did not need to read, like
    /// Statiq's file content providers): a module that can do its work without the text should check this first.
    /// </summary>
    public bool IsContentDeferred => ContentLoader is not null;

    private Func<string>? ContentLoader { get; init; }

    /// <summary>Returns a copy with one metadata value set.</summary>
    public Document WithMetadata(string key, object? value) => this with { Metadata = Metadata.With(key, value) };

    /// <summary>Returns a copy with the given content.</summary>
    public Document WithContent(string content) => this with { Content = content };

    /// <summary>Returns a copy whose content is loaded by <paramref name="load"/> each time it is read.</summary>
    public Document WithDeferredContent(Func<string> load) => this with { ContentLoader = load };

    /// <summary>Returns a copy with the given destination.</summary>
    public Document WithDestination(string destination) => this with { Destination = destination };

    /// <summary>The record's text (for debuggers and logs): never loads deferred content.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Source = ").Append(Source).Append(", Destination = ").Append(Destination)
            .Append(", Content = ").Append(IsContentDeferred ? "(deferred)" : $"({_content.Length} chars)");
        return true;
    }


    /// <summary>Gets a metadata value of the given type, or the default when it is missing or of another type.</summary>
    public T? Get<T>(string key) => Metadata.TryGetValue(key, out var value) && value is T typed ? typed : default;

    /// <summary>Gets a metadata value that a module earlier in the chain must have set.</summary>
    /// <exception cref="InvalidOperationException">The value is missing or of another type.</exception>
    public T GetRequired<T>(string key) =>
        Metadata.TryGetValue(key, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"Document '{Source}' has no metadata '{key}' of type {typeof(T).Name}.");
}
