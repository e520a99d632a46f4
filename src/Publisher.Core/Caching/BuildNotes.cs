using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Publisher.Core.Caching;

/// <summary>
/// What the previous successful build learnt about its inputs, for modules that can skip work next time: a value
/// per key, where the key is a hash of everything the value depends on (so a stale value can never be found).
/// A build reads the previous notes and writes the notes it recalled or made; notes no longer asked for are
/// dropped. Kept in one binary file beside the output record (<c>notes-&lt;output&gt;.bin</c>), read in the
/// background as the build starts, written only when it changed, and saved only by a successful build.
/// </summary>
/// <remarks>
/// The previous notes stay in the one array they were read into, indexed by a 128-bit hash of each key, and a
/// value becomes a string only when a module asks for one: at 10,000 documents the notes are 47 MB, and as
/// 50,000 separate strings they were copied from generation to generation by every collection of a short
/// build (a build with nothing changed spent a quarter of its time paused for the collector). The file is the
/// header, the count, each key and value as an int32 length and UTF-16 code units (copied without transcoding
/// either way), then an XxHash3 of all of that: a damaged file is refused whole.
/// </remarks>
public sealed class BuildNotes
{
    private const string Header = "publisher-build-notes 3";

    private readonly string _path;
    private readonly Task<Previous> _previous;
    private readonly ConcurrentDictionary<string, string> _made = new(StringComparer.Ordinal);

    internal BuildNotes(string path, bool readPrevious)
    {
        _path = path;
        // Read on another thread while the build reads its sources.
        _previous = readPrevious ? Task.Run(() => Read(path)) : Task.FromResult(Previous.Empty);
    }

    /// <summary>Finds the note the previous build made under <paramref name="key"/> and keeps it for the next one.</summary>
    public bool TryRecall(string key, out string value)
    {
        if (TryRecallText(key, out var text))
        {
            value = text.ToString();
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>
    /// Finds the note the previous build made under <paramref name="key"/> and keeps it for the next one, without
    /// copying it: the text stays in the notes' array until the caller makes a string of it.
    /// </summary>
    public bool TryRecallText(string key, out ReadOnlyMemory<char> value)
    {
        var previous = _previous.Result;
        if (previous.Index.TryGetValue(Hash(key), out var index))
        {
            var entry = previous.Entries[index];
            if (previous.Text.AsSpan(entry.KeyStart, entry.KeyLength).SequenceEqual(key))
            {
                previous.MarkRecalled(index);
                value = previous.Text.AsMemory(entry.ValueStart, entry.ValueLength);
                return true;
            }
        }

        value = ReadOnlyMemory<char>.Empty;
        return false;
    }

    /// <summary>Records a note for the next build (a note equal to the previous build's is only kept).</summary>
    public void Note(string key, string value)
    {
        if (!TryRecallText(key, out var previous) || !previous.Span.SequenceEqual(value))
        {
            _made[key] = value;
        }
    }

    /// <summary>
    /// Writes this build's notes (atomically) when they differ from the previous build's: the previous notes this
    /// build recalled, in their order, copied from the array in runs (they are already in the file's form), then the
    /// notes it made, by key.
    /// </summary>
    internal void Save()
    {
        var previous = _previous.Result;
        if (_made.IsEmpty && previous.RecalledCount == previous.Entries.Length)
        {
            return;
        }

        var made = _made.OrderBy(n => n.Key, StringComparer.Ordinal).ToList();
        var replaced = made.Select(n => Hash(n.Key)).ToHashSet();
        var kept = new bool[previous.Entries.Length];
        var count = made.Count;
        for (var index = 0; index < kept.Length; index++)
        {
            kept[index] = previous.IsRecalled(index) && !replaced.Contains(previous.Entries[index].KeyHash);
            count += kept[index] ? 1 : 0;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            var checksum = new XxHash3();
            void Put(ReadOnlySpan<char> chars)
            {
                var bytes = MemoryMarshal.AsBytes(chars);
                stream.Write(bytes);
                checksum.Append(bytes);
            }

            void PutText(ReadOnlySpan<char> text)
            {
                var length = text.Length;
                Put(MemoryMarshal.Cast<int, char>(new ReadOnlySpan<int>(in length)));
                Put(text);
            }

            PutText(Header);
            Put(MemoryMarshal.Cast<int, char>(new ReadOnlySpan<int>(in count)));
            for (var index = 0; index < kept.Length; index++)
            {
                if (!kept[index])
                {
                    continue;
                }

                // A run of kept notes is one slice of the previous file: length, key, length, value, next note.
                var first = previous.Entries[index];
                while (index + 1 < kept.Length && kept[index + 1])
                {
                    index++;
                }

                var last = previous.Entries[index];
                Put(previous.Text.AsSpan(first.KeyStart - 2, last.ValueStart + last.ValueLength - (first.KeyStart - 2)));
            }

            foreach (var (key, value) in made)
            {
                PutText(key);
                PutText(value);
            }

            var digest = checksum.GetCurrentHashAsUInt64();
            stream.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in digest)));
        }

        File.Move(temporary, _path, overwrite: true);
    }

    private static UInt128 Hash(ReadOnlySpan<char> key) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(key));

    private static Previous Read(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return Previous.Empty;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            if (stream.Length % sizeof(char) != 0 || stream.Length / sizeof(char) > Array.MaxLength)
            {
                return Previous.Empty;
            }

            // The file ends with a checksum of the rest (4 chars' worth of bytes): a damaged file is refused whole.
            var length = stream.Length / sizeof(char);
            if (length < 4)
            {
                return Previous.Empty;
            }

            var text = GC.AllocateUninitializedArray<char>((int)length);
            stream.ReadExactly(MemoryMarshal.AsBytes(text.AsSpan()));
            var body = MemoryMarshal.AsBytes(text.AsSpan(0, text.Length - 4));
            var stored = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.AsSpan(text.Length - 4)));
            return XxHash3.HashToUInt64(body) == stored ? Parse(text, text.Length - 4) ?? Previous.Empty : Previous.Empty;
        }
        catch (IOException)
        {
            // An unreadable file only means the work is done again.
            return Previous.Empty;
        }
    }

    /// <summary>The index of a notes file's text; null when it is damaged (every length is checked against the end).</summary>
    private static Previous? Parse(char[] text, int end)
    {
        var position = 0;
        bool TryReadString(out int start, out int length)
        {
            start = length = 0;
            if (end - position < 2)
            {
                return false;
            }

            length = MemoryMarshal.Read<int>(MemoryMarshal.AsBytes(text.AsSpan(position, 2)));
            start = position + 2;
            if (length < 0 || length > end - start)
            {
                return false;
            }

            position = start + length;
            return true;
        }

        if (!TryReadString(out var headerStart, out var headerLength) || !text.AsSpan(headerStart, headerLength).SequenceEqual(Header) || end - position < 2)
        {
            return null;
        }

        var count = MemoryMarshal.Read<int>(MemoryMarshal.AsBytes(text.AsSpan(position, 2)));
        position += 2;
        if (count < 0 || count > (end - position) / 4)
        {
            return null;
        }

        var entries = new Entry[count];
        var index = new Dictionary<UInt128, int>(count);
        for (var i = 0; i < count; i++)
        {
            if (!TryReadString(out var keyStart, out var keyLength) || !TryReadString(out var valueStart, out var valueLength))
            {
                return null;
            }

            var hash = Hash(text.AsSpan(keyStart, keyLength));
            entries[i] = new Entry(keyStart, keyLength, valueStart, valueLength, hash);
            index[hash] = i;
        }

        return position == end ? new Previous(text, entries, index) : null;
    }

    private readonly record struct Entry(int KeyStart, int KeyLength, int ValueStart, int ValueLength, UInt128 KeyHash);

    /// <summary>The previous build's notes: their text, where each key and value is in it, and which were recalled.</summary>
    private sealed class Previous(char[] text, Entry[] entries, Dictionary<UInt128, int> index)
    {
        private readonly int[] _recalled = new int[entries.Length];
        private int _recalledCount;

        public static Previous Empty => new([], [], []);

        public char[] Text { get; } = text;

        public Entry[] Entries { get; } = entries;

        public Dictionary<UInt128, int> Index { get; } = index;

        public int RecalledCount => Volatile.Read(ref _recalledCount);

        public bool IsRecalled(int entry) => Volatile.Read(ref _recalled[entry]) != 0;

        public void MarkRecalled(int entry)
        {
            if (Interlocked.Exchange(ref _recalled[entry], 1) == 0)
            {
                Interlocked.Increment(ref _recalledCount);
            }
        }
    }
}
