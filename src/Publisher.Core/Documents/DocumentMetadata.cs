using System.Collections;

namespace Publisher.Core.Documents;

/// <summary>
/// A document's metadata: the dozen or so values the modules add as a document goes through them, in an array
/// sorted by key (ordinal), so that anything derived from it is deterministic. A change copies the array. Not an
/// <c>ImmutableSortedDictionary</c>, which this replaced: every change made a path of tree nodes (22 MB of a
/// one-edit rebuild's allocations at 10,000 documents) and every read walked the tree comparing strings, where
/// a short array is scanned comparing references first (keys are constants).
/// </summary>
public sealed class DocumentMetadata : IReadOnlyCollection<KeyValuePair<string, object?>>
{
    /// <summary>No metadata.</summary>
    public static readonly DocumentMetadata Empty = new([]);

    private readonly KeyValuePair<string, object?>[] _entries;

    private DocumentMetadata(KeyValuePair<string, object?>[] entries) => _entries = entries;

    /// <inheritdoc />
    public int Count => _entries.Length;

    /// <summary>The value of <paramref name="key"/>, when there is one.</summary>
    public bool TryGetValue(string key, out object? value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>A copy with <paramref name="key"/> set to <paramref name="value"/> (added, or replacing its value).</summary>
    public DocumentMetadata With(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = 0;
        while (at < _entries.Length && string.CompareOrdinal(_entries[at].Key, key) < 0)
        {
            at++;
        }

        if (at < _entries.Length && string.Equals(_entries[at].Key, key, StringComparison.Ordinal))
        {
            var replaced = (KeyValuePair<string, object?>[])_entries.Clone();
            replaced[at] = new(key, value);
            return new DocumentMetadata(replaced);
        }

        var added = new KeyValuePair<string, object?>[_entries.Length + 1];
        Array.Copy(_entries, added, at);
        added[at] = new(key, value);
        Array.Copy(_entries, at, added, at + 1, _entries.Length - at);
        return new DocumentMetadata(added);
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_entries).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
