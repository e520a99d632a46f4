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
    private readonly BuildMemory? _memory;
    private readonly SpillFile? _spill;

    internal BuildNotes(string path, bool readPrevious, BuildMemory? memory = null, SpillFile? spill = null)
    {
        _path = path;
        _memory = memory;
        _spill = spill;
        _logPath = Path.ChangeExtension(path, ".log");
        // Read on another thread while the build reads its sources.
        _previous = readPrevious ? Task.Run(() => Read(path, _logPath, memory)) : Task.FromResult(Previous.Empty);
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
        if (previous.TryFind(Hash(key), out var index))
        {
            var (entry, text) = (previous.EntryAt(index), previous.TextOf(index));
            if (text.AsSpan(entry.KeyStart, entry.KeyLength).SequenceEqual(key))
            {
                previous.MarkRecalled(index);
                value = text.AsMemory(entry.ValueStart, entry.ValueLength);
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

        return _memory is null ? decode(text.Span) : _memory.Decoded.GetOrDecode(key, text.Span, decode);
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
        var unused = previous.Count - previous.RecalledCount;
        var fold = !previous.HasBase || (long)(previous.LogCount + made.Count + unused) * 4 > previous.Count;
        if (!fold)
        {
            if (made.Count > 0)
            {
                AppendToLog(previous.LogBytes, made);
            }

            return;
        }

        var replaced = made.Select(n => Hash(n.Key)).ToHashSet();
        var kept = new bool[previous.Count];
        var count = made.Count;
        for (var index = 0; index < kept.Length; index++)
        {
            kept[index] = previous.IsRecalled(index) && !replaced.Contains(previous.EntryAt(index).KeyHash);
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

                // A run of kept notes that lie one after the other in the same array is written as one slice of it.
                var (first, text) = (previous.EntryAt(index), previous.TextOf(index));
                var end = first.End;
                while (index + 1 < kept.Length && kept[index + 1] && previous.TextOf(index + 1) == text && previous.EntryAt(index + 1).Start == end)
                {
                    index++;
                    end = previous.EntryAt(index).End;
                }

                file.Put(text.AsSpan(first.Start, end - first.Start));
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

        _memory?.Forget(_path);
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

    /// <summary>
    /// The previous notes: the base file (kept in <paramref name="memory"/> by a process that builds again and again,
    /// and read only when it changed: 47 MB at 10,000 documents), then the log, read every time (a few records per
    /// edit until the next fold).
    /// </summary>
    private static Previous Read(string path, string logPath, BuildMemory? memory)
    {
        try
        {
            if (memory?.Recall<NotesBase>(path) is not { } notesBase)
            {
                notesBase = ReadBase(path);
                if (notesBase is null)
                {
                    return Previous.Empty;
                }

                memory?.Keep(path, notesBase);
            }

            return ParseLog(notesBase, File.Exists(logPath) ? ReadChars(logPath, whole: false) ?? [] : []);
        }
        catch (IOException)
        {
            // An unreadable file only means the work is done again.
            return Previous.Empty;
        }
    }

    /// <summary>The base file's notes; null when there is none or it is damaged (refused whole: its checksum is of all of it).</summary>
    private static NotesBase? ReadBase(string path)
    {
        if (!File.Exists(path) || ReadChars(path, whole: true) is not { Length: >= 4 } text)
        {
            return null;
        }

        // The base ends with a checksum of the rest (4 chars' worth of bytes).
        var body = MemoryMarshal.AsBytes(text.AsSpan(0, text.Length - 4));
        var stored = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.AsSpan(text.Length - 4, 4)));
        return XxHash3.HashToUInt64(body) == stored ? ParseBase(text, text.Length - 4) : null;
    }

    /// <summary>
    /// A file's UTF-16 code units, copied as they are. When its length is not a whole number of them: null if
    /// <paramref name="whole"/> (a damaged base), else without the last byte (a log record torn by a killed build,
    /// which ends the log there).
    /// </summary>
    private static char[]? ReadChars(string path, bool whole)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        if ((whole && stream.Length % sizeof(char) != 0) || stream.Length / sizeof(char) > Array.MaxLength)
        {
            return null;
        }

        var text = GC.AllocateUninitializedArray<char>((int)(stream.Length / sizeof(char)));
        stream.ReadExactly(MemoryMarshal.AsBytes(text.AsSpan()));
        return text;
    }

    /// <summary>Reads one length-prefixed string of a notes text at <paramref name="position"/> (false past <paramref name="end"/> or damaged).</summary>
    private static bool TryReadString(char[] text, ref int position, int end, out int start, out int length)
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

    /// <summary>The index of the base's entries up to <paramref name="end"/>; null when damaged (every length is checked against the end).</summary>
    private static NotesBase? ParseBase(char[] text, int end)
    {
        var position = 0;
        if (!TryReadString(text, ref position, end, out var headerStart, out var headerLength) || !text.AsSpan(headerStart, headerLength).SequenceEqual(Header) || end - position < 2)
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
            if (!TryReadString(text, ref position, end, out var keyStart, out var keyLength) || !TryReadString(text, ref position, end, out var valueStart, out var valueLength))
            {
                return null;
            }

            var hash = Hash(text.AsSpan(keyStart, keyLength));
            index[hash] = i;
            entries[i] = new Entry(keyStart, keyLength, valueStart, valueLength, hash);
        }

        return position == end ? new NotesBase(text, entries, index) : null;
    }

    /// <summary>
    /// The previous notes: the base, then the log's records up to the first damaged or torn one; a key noted again
    /// in the log is found there.
    /// </summary>
    private static Previous ParseLog(NotesBase notesBase, char[] text)
    {
        var entries = new List<Entry>();
        var index = new Dictionary<UInt128, int>();
        var position = 0;
        while (TryReadString(text, ref position, text.Length, out var keyStart, out var keyLength) &&
               TryReadString(text, ref position, text.Length, out var valueStart, out var valueLength) && text.Length - position >= 4)
        {
            var record = MemoryMarshal.AsBytes(text.AsSpan(keyStart - 2, position - (keyStart - 2)));
            if (XxHash3.HashToUInt64(record) != MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.AsSpan(position, 4))))
            {
                break;
            }

            position += 4;
            var hash = Hash(text.AsSpan(keyStart, keyLength));
            index[hash] = entries.Count;
            entries.Add(new Entry(keyStart, keyLength, valueStart, valueLength, hash));
        }

        var logBytes = entries.Count == 0 ? 0 : (long)(entries[^1].End + 4) * sizeof(char);
        return new Previous(notesBase, text, [.. entries], index, logBytes);
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

    /// <summary>
    /// The base file's notes: its text, where each key and value is in it, and the index of its keys' hashes. Never
    /// changed once read, so a process may keep it for its next build (<see cref="BuildMemory"/>).
    /// </summary>
    private sealed class NotesBase(char[] text, Entry[] entries, Dictionary<UInt128, int> index)
    {
        public char[] Text { get; } = text;

        public Entry[] Entries { get; } = entries;

        public Dictionary<UInt128, int> Index { get; } = index;
    }

    /// <summary>
    /// The previous build's notes (the base's, then the log's, numbered in that order) and which of them this build
    /// recalled.
    /// </summary>
    private sealed class Previous(NotesBase? notesBase, char[] logText, Entry[] logEntries, Dictionary<UInt128, int> logIndex, long logBytes)
    {
        private static readonly NotesBase NoBase = new([], [], []);
        private readonly NotesBase _base = notesBase ?? NoBase;
        private readonly int[] _recalled = new int[(notesBase?.Entries.Length ?? 0) + logEntries.Length];
        private int _recalledCount;

        public static Previous Empty => new(null, [], [], [], logBytes: 0);

        /// <summary>False when there was no base file to append to (none, damaged, or a build that uses nothing of the previous one).</summary>
        public bool HasBase { get; } = notesBase is not null;

        /// <summary>How many notes there are, base and log.</summary>
        public int Count => _recalled.Length;

        /// <summary>The records in the log.</summary>
        public int LogCount => logEntries.Length;

        /// <summary>The length of the log up to the end of its last good record.</summary>
        public long LogBytes { get; } = logBytes;

        public int RecalledCount => Volatile.Read(ref _recalledCount);

        /// <summary>The note whose key has this hash, the log's before the base's.</summary>
        public bool TryFind(UInt128 keyHash, out int index)
        {
            if (logIndex.TryGetValue(keyHash, out var inLog))
            {
                index = _base.Entries.Length + inLog;
                return true;
            }

            return _base.Index.TryGetValue(keyHash, out index);
        }

        public Entry EntryAt(int index) => index < _base.Entries.Length ? _base.Entries[index] : logEntries[index - _base.Entries.Length];

        /// <summary>The array the note's key and value are in.</summary>
        public char[] TextOf(int index) => index < _base.Entries.Length ? _base.Text : logText;

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
