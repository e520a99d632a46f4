using System.Collections.Concurrent;

namespace Publisher.Core.Caching;

/// <summary>Makes the value a note holds (null when the note is not one, such as a damaged file's).</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="note">The note's text.</param>
public delegate T? NoteDecoder<T>(ReadOnlySpan<char> note)
    where T : class;

/// <summary>
/// The values of build notes already decoded, kept by a process that builds the same site again and again (the
/// preview server), so that its next build does not decode them again: decoding every document's parsed front
/// matter was 45 MB of allocations and 7% of the CPU of a one-edit rebuild at 10,000 documents. A note's key is a
/// hash of everything its value depends on, so a value found under a key is always the one decoding would give.
/// A value the last build did not ask for is dropped when the next one starts. One build at a time: the modules
/// of a build may ask concurrently, but <see cref="StartBuild"/> must not run during a build.
/// </summary>
public sealed class DecodedNotes
{
    private ConcurrentDictionary<string, object> _previous = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, object> _current = new(StringComparer.Ordinal);

    /// <summary>How many values are kept.</summary>
    public int Count => _previous.Count + _current.Count;

    /// <summary>Starts a build: the values the previous build did not ask for are dropped.</summary>
    public void StartBuild()
    {
        _previous = _current;
        _current = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
    }

    /// <summary>The value of the note under <paramref name="key"/>: kept from an earlier build, or decoded now and kept.</summary>
    public T? GetOrDecode<T>(string key, ReadOnlySpan<char> note, NoteDecoder<T> decode)
        where T : class
    {
        if (_current.TryGetValue(key, out var value) || _previous.TryGetValue(key, out value))
        {
            if (value is T kept)
            {
                _current[key] = kept;
                return kept;
            }
        }

        var decoded = decode(note);
        if (decoded is not null)
        {
            _current[key] = decoded;
        }

        return decoded;
    }
}
