namespace Publisher.Preview;

/// <summary>The preview could not watch the site's folders for changes (on Linux, the limit of inotify watches was reached).</summary>
public sealed class PreviewWatchException(string message, Exception inner) : Exception(message, inner);
