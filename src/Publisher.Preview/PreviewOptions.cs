namespace Publisher.Preview;

/// <summary>Settings of a preview server.</summary>
public sealed record PreviewOptions
{
    /// <summary>The path of <c>site.config.json</c>; the site root is its folder.</summary>
    public required string ConfigPath { get; init; }

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; } = 5080;

    /// <summary>The language of error messages (zh-CN or en).</summary>
    public string Language { get; init; } = "zh-CN";

    /// <summary>How long to wait after the last file change before rebuilding, so one save triggers one build.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Where progress and errors are written (the terminal).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;
}
