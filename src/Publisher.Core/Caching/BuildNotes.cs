using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Publisher.Core.IO;

namespace Publisher.Core.Caching;

/// <summary>
/// What the previous successful build learnt about its inputs, for modules that can skip work next time: a value
/// per key, where the key is a hash of everything the value depends on (so a stale value can never be found).
/// Kept beside the output record (<c>notes-&lt;output&gt;.bin</c> and its <c>.log</c>), read in the background as
/// the build starts, and saved only by a successful build.
/// </summary>
/// <remarks>
/// <para>
/// The previous notes stay in the one array they were read into, indexed by a 128-bit hash of each key, and a
/// value becomes a string only when a module asks for one: at 10,000 documents the notes are 47 MB, and as
/// 50,000 separate strings they were copied from generation to generation by every collection of a short
/// build (a build with nothing changed spent a quarter of its time paused for the collector).
/// </para>
/// <para>
/// The notes a build makes are appended to the log, each record with its own checksum, so a build that changed
/// one document writes a few kilobytes instead of the whole file (47 MB at 10,000 documents, 248 MB at 50,000).
/// The log is folded into a new base file when it or the notes no build asked for (dropped from the base only
/// then: a note found later is still right, its key being a hash of its inputs) pass a quarter of the notes. The
/// base file is the header, the count, each key and value as an int32 length and UTF-16 code units (copied without
/// transcoding either way), then an XxHash3 of all of that: a damaged base is refused whole, a damaged or torn log
/// record ends the log there.
/// </para>
/// <para>
/// The notes a build makes wait for <see cref="Save"/> in the build's <see cref="SpillFile"/>, when it has one, and
/// not on the heap: at 10,000 documents a full build makes 47 MB of them (every body's plain text among them).
/// </para>
/// </remarks>
public sealed class BuildNotes
{
    private const string Header = "publisher-build-notes 3";

    // A value shorter than this stays a string: spilled, it would still cost a dictionary entry and its place.
    private const int SpillFrom = 256;

    private readonly string _path;
    private readonly string _logPath;
    private readonly Task<Previous> _previous;
    private readonly ConcurrentDictionary<string, MadeValue> _made = new(StringComparer.Ordinal);
    private readonly DecodedNotes? _decoded;
    private readonly SpillFile? _spill;

    internal BuildNotes(string path, bool readPrevious, DecodedNotes? decoded = null, SpillFile? spill = null)
    {
        _path = path;
        _decoded = decoded;
        _spill = spill;
        _logPath = Path.ChangeExtension(path, ".log");
        // Read on another thread while the build reads its sources.
        _previous = readPrevious ? Task.Run(() => Read(path, _logPath)) : Task.FromResult(Previous.Empty);
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

    /// <summary>
    /// Finds the note the previous build made under <paramref name="key"/>, keeps it for the next one, and returns
    /// its value as <paramref name="decode"/> makes it (or as an earlier build of this process made it, when the
    /// builder keeps <see cref="DecodedNotes"/>); null when there is no such note or it does not decode.
    /// </summary>
    public T? RecallDecoded<T>(string key, NoteDecoder<T> decode)
        where T : class
    {
        if (!TryRecallText(key, out var text))
        {
            return null;
        }

        return _decoded is null ? decode(text.Span) : _decoded.GetOrDecode(key, text.Span, decode);
    }

    /// <summary>Records a note for the next build (a note equal to the previous build's is only kept).</summary>
    public void Note(string key, string value)
    {
        if (!TryRecallText(key, out var previous) || !previous.Span.SequenceEqual(value))
        {
            _made[key] = _spill is not null && value.Length >= SpillFrom ? new MadeValue(null, _spill.Write(value)) : new MadeValue(value, default);
        }
    }

    /// <summary>
    /// Records a note whose value already waits in a spill file (a body's plain text): it is kept there, not
    /// written again, until the notes are saved (a note equal to the previous build's is only kept).
    /// </summary>
    public void Note(string key, SpilledText value)
    {
        if (!TryRecallText(key, out var previous) || previous.Length != value.Length || !previous.Span.SequenceEqual(value.ToString()))
        {
            _made[key] = new MadeValue(null, value);
        }
    }

    /// <summary>
    /// Saves this build's notes: appends the notes it made to the log, or, when the log or the notes no build
    /// asked for have grown past a quarter of the notes (or there is no base), writes a new base file (atomically)
    /// of the notes this build recalled, copied from the array in runs, then those it made, and starts a new log.
    /// </summary>
    internal void Save()
    {
        var previous = _previous.Result;
        var made = _made.OrderBy(n => n.Key, StringComparer.Ordinal).ToList();
        var unused = previous.Entries.Length - previous.RecalledCount;
        var fold = !previous.HasBase || (long)(previous.LogCount + made.Count + unused) * 4 > previous.Entries.Length;
        if (!fold)
        {
            if (made.Count > 0)
            {
                AppendToLog(previous.LogBytes, made);
            }

            return;
        }

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
        using (var file = new ChecksummedWriter(new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16)))
        {
            file.PutText(Header);
            file.Put(MemoryMarshal.Cast<int, char>(new ReadOnlySpan<int>(in count)));
            for (var index = 0; index < kept.Length; index++)
            {
                if (!kept[index])
                {
                    continue;
                }

                // A run of kept notes that lie one after the other in the array is written as one slice of it.
                var first = previous.Entries[index];
                var end = first.End;
                while (index + 1 < kept.Length && kept[index + 1] && previous.Entries[index + 1].Start == end)
                {
                    index++;
                    end = previous.Entries[index].End;
                }

                file.Put(previous.Text.AsSpan(first.Start, end - first.Start));
            }

            var buffer = Array.Empty<char>();
            foreach (var (key, value) in made)
            {
                file.PutText(key);
                file.PutText(value.Chars(ref buffer));
            }

            ReturnBuffer(buffer);
            file.PutChecksum();
        }

        File.Delete(_logPath);
        File.Move(temporary, _path, overwrite: true);
    }

    private static UInt128 Hash(ReadOnlySpan<char> key) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(key));

    /// <summary>Appends one record per note (key, value, then an XxHash3 of the two), after the log's last good record.</summary>
    private void AppendToLog(long validBytes, List<KeyValuePair<string, MadeValue>> made)
    {
        var stream = new FileStream(_logPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        stream.SetLength(validBytes); // a torn record of a killed build would end the log before what follows
        stream.Seek(validBytes, SeekOrigin.Begin);
        using var file = new ChecksummedWriter(stream);
        var buffer = Array.Empty<char>();
        foreach (var (key, value) in made)
        {
            file.PutText(key);
            file.PutText(value.Chars(ref buffer));
            file.PutChecksum();
        }

        ReturnBuffer(buffer);
    }

    private static void ReturnBuffer(char[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static Previous Read(string path, string logPath)
    {
        try
        {
            if (!File.Exists(path))
            {
                return Previous.Empty;
            }

            // Base and log are read into one array, so an entry is a place in it wherever it came from.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            using var log = File.Exists(logPath) ? new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1) : null;
            var baseLength = stream.Length / sizeof(char);
            var logLength = (log?.Length ?? 0) / sizeof(char);
            if (stream.Length % sizeof(char) != 0 || baseLength < 4 || baseLength + logLength > Array.MaxLength)
            {
                return Previous.Empty;
            }

            var text = GC.AllocateUninitializedArray<char>((int)(baseLength + logLength));
            stream.ReadExactly(MemoryMarshal.AsBytes(text.AsSpan(0, (int)baseLength)));
            log?.ReadExactly(MemoryMarshal.AsBytes(text.AsSpan((int)baseLength)));

            // The base ends with a checksum of the rest (4 chars' worth of bytes): a damaged base is refused whole.
            var body = MemoryMarshal.AsBytes(text.AsSpan(0, (int)baseLength - 4));
            var stored = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.AsSpan((int)baseLength - 4, 4)));
            return XxHash3.HashToUInt64(body) == stored ? Parse(text, (int)baseLength - 4, (int)baseLength) ?? Previous.Empty : Previous.Empty;
        }
        catch (IOException)
        {
            // An unreadable file only means the work is done again.
            return Previous.Empty;
        }
    }

    /// <summary>
    /// The index of the notes' text: the base's entries up to <paramref name="baseEnd"/> (null when damaged: every
    /// length is checked against the end), then the log's records from <paramref name="logStart"/> up to the first
    /// damaged or torn one; a key noted again in the log is found there.
    /// </summary>
    private static Previous? Parse(char[] text, int baseEnd, int logStart)
    {
        var position = 0;
        var end = baseEnd;
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

        var entries = new List<Entry>(count);
        var index = new Dictionary<UInt128, int>(count);
        void Add(int keyStart, int keyLength, int valueStart, int valueLength)
        {
            var hash = Hash(text.AsSpan(keyStart, keyLength));
            index[hash] = entries.Count;
            entries.Add(new Entry(keyStart, keyLength, valueStart, valueLength, hash));
        }

        for (var i = 0; i < count; i++)
        {
            if (!TryReadString(out var keyStart, out var keyLength) || !TryReadString(out var valueStart, out var valueLength))
            {
                return null;
            }

            Add(keyStart, keyLength, valueStart, valueLength);
        }

        if (position != end)
        {
            return null;
        }

        var logCount = 0;
        position = logStart;
        end = text.Length;
        while (TryReadString(out var keyStart, out var keyLength) && TryReadString(out var valueStart, out var valueLength) && end - position >= 4)
        {
            var record = MemoryMarshal.AsBytes(text.AsSpan(keyStart - 2, position - (keyStart - 2)));
            if (XxHash3.HashToUInt64(record) != MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.AsSpan(position, 4))))
            {
                break;
            }

            position += 4;
            Add(keyStart, keyLength, valueStart, valueLength);
            logCount++;
        }

        var logBytes = (long)(logStart == text.Length || logCount == 0 ? 0 : entries[^1].End + 4 - logStart) * sizeof(char);
        return new Previous(text, [.. entries], index, hasBase: true, logCount, logBytes);
    }

    /// <summary>A note this build made: its value as a string, or where it waits in the spill file.</summary>
    private readonly record struct MadeValue(string? Text, SpilledText Spilled)
    {
        /// <summary>The value's chars: the string, or the spilled text read into <paramref name="buffer"/> (rented, grown as needed).</summary>
        public ReadOnlySpan<char> Chars(ref char[] buffer)
        {
            if (Text is not null)
            {
                return Text;
            }

            if (buffer.Length < Spilled.Length)
            {
                ReturnBuffer(buffer);
                buffer = ArrayPool<char>.Shared.Rent(Spilled.Length);
            }

            var chars = buffer.AsSpan(0, Spilled.Length);
            Spilled.CopyTo(chars);
            return chars;
        }
    }

    /// <summary>A place in the notes' text: where a key and its value are, and the hash of the key.</summary>
    private readonly record struct Entry(int KeyStart, int KeyLength, int ValueStart, int ValueLength, UInt128 KeyHash)
    {
        /// <summary>Where the entry's serialized form starts (the key's length).</summary>
        public int Start => KeyStart - 2;

        /// <summary>Where its serialized form ends (after the value).</summary>
        public int End => ValueStart + ValueLength;
    }

    /// <summary>
    /// Writes chars as the notes files hold them (UTF-16 code units) and an XxHash3 of what it wrote since the last
    /// checksum; a string is its length (as two chars) then its chars.
    /// </summary>
    private sealed class ChecksummedWriter(FileStream stream) : IDisposable
    {
        private readonly XxHash3 _checksum = new();

        public void Put(ReadOnlySpan<char> chars)
        {
            var bytes = MemoryMarshal.AsBytes(chars);
            stream.Write(bytes);
            _checksum.Append(bytes);
        }

        public void PutText(ReadOnlySpan<char> text)
        {
            var length = text.Length;
            Put(MemoryMarshal.Cast<int, char>(new ReadOnlySpan<int>(in length)));
            Put(text);
        }

        public void PutChecksum()
        {
            var digest = _checksum.GetCurrentHashAsUInt64();
            stream.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in digest)));
            _checksum.Reset();
        }

        public void Dispose() => stream.Dispose();
    }

    /// <summary>The previous build's notes: their text, where each key and value is in it, and which were recalled.</summary>
    private sealed class Previous(char[] text, Entry[] entries, Dictionary<UInt128, int> index, bool hasBase, int logCount, long logBytes)
    {
        private readonly int[] _recalled = new int[entries.Length];
        private int _recalledCount;

        public static Previous Empty => new([], [], [], hasBase: false, logCount: 0, logBytes: 0);

        public char[] Text { get; } = text;

        public Entry[] Entries { get; } = entries;

        public Dictionary<UInt128, int> Index { get; } = index;

        /// <summary>False when there was no base file to append to (none, damaged, or a build that uses nothing of the previous one).</summary>
        public bool HasBase { get; } = hasBase;

        /// <summary>The records in the log.</summary>
        public int LogCount { get; } = logCount;

        /// <summary>The length of the log up to the end of its last good record.</summary>
        public long LogBytes { get; } = logBytes;

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
