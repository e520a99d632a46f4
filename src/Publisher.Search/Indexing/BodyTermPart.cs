using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;

namespace Publisher.Search.Indexing;

/// <summary>
/// One part file of a <see cref="BodyTermStore"/> (layout: <see cref="BodyTermPartWriter"/>), read whole and
/// checked: its checksum, its header, and that every term number a document uses is one of its terms. A
/// document's entries are decoded only when the index asks for them.
/// </summary>
internal sealed class BodyTermPart
{
    private readonly byte[] _bytes;
    private readonly long[] _termKeys;
    private readonly int[] _termTexts;

    private BodyTermPart(byte[] bytes, List<(string, int)> records, long[] termKeys, int[] termTexts)
    {
        _bytes = bytes;
        Records = records;
        _termKeys = termKeys;
        _termTexts = termTexts;
    }

    /// <summary>Each document's key with the offset of its record (its length, then its entries).</summary>
    public IReadOnlyList<(string Key, int Offset)> Records { get; }

    /// <summary>How many terms the part has.</summary>
    public int TermCount => _termKeys.Length;

    /// <summary>Reads and checks a part file; throws <see cref="InvalidDataException"/> when it is not whole or not this build's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BodyTermPart Read(string path, string fingerprint, string buildId)
    {
        var bytes = File.ReadAllBytes(path);
        var body = bytes.Length - sizeof(ulong);
        if (body < BodyTermPartWriter.Magic.Length || XxHash3.HashToUInt64(bytes.AsSpan(0, body)) != BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(body)))
        {
            throw new InvalidDataException("checksum");
        }

        var reader = new Reader(bytes.AsSpan(0, body), BodyTermPartWriter.Magic.Length);
        if (!bytes.AsSpan(0, BodyTermPartWriter.Magic.Length).SequenceEqual(BodyTermPartWriter.Magic) || reader.String() != fingerprint || reader.String() != buildId)
        {
            throw new InvalidDataException("header");
        }

        var records = new List<(string, int)>();
        var largestTerm = -1;
        while (reader.Number() == 1)
        {
            var key = reader.String();
            records.Add((key, reader.Position));
            reader.Number();
            for (var entries = reader.Number(); entries > 0; entries--)
            {
                largestTerm = Math.Max(largestTerm, reader.Number());
                reader.Number();
            }
        }

        var termKeys = new long[reader.Number()];
        var termTexts = new int[termKeys.Length];
        for (var term = 0; term < termKeys.Length; term++)
        {
            termKeys[term] = reader.Long() - 1;
            termTexts[term] = reader.Position;
            reader.Skip(reader.Number());
        }

        if (largestTerm >= termKeys.Length || reader.Position != body)
        {
            throw new InvalidDataException("terms");
        }

        return new BodyTermPart(bytes, records, termKeys, termTexts);
    }

    /// <summary>The body length kept in the record at <paramref name="offset"/>.</summary>
    public int LengthAt(int offset) => new Reader(_bytes, offset).Number();

    /// <summary>The (term number, count) pairs of the record at <paramref name="offset"/>.</summary>
    public Entries EntriesAt(int offset)
    {
        var reader = new Reader(_bytes, offset);
        reader.Number();
        var count = reader.Number();
        return new Entries(_bytes, reader.Position, count);
    }

    /// <summary>How the table that made the part found a term (<see cref="TermTable.KeyOf"/>).</summary>
    public long TermKey(int term) => _termKeys[term];

    /// <summary>A term's text.</summary>
    public string TermText(int term)
    {
        var reader = new Reader(_bytes, _termTexts[term]);
        return reader.String();
    }

    /// <summary>The entries of one record, decoded one by one.</summary>
    public ref struct Entries(ReadOnlySpan<byte> bytes, int position, int count)
    {
        private Reader _reader = new(bytes, position);
        private int _left = count;

        /// <summary>The next pair; false after the last.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Next(out int term, out int termCount)
        {
            if (_left == 0)
            {
                term = termCount = 0;
                return false;
            }

            _left--;
            term = _reader.Number();
            termCount = _reader.Number();
            return true;
        }
    }

    /// <summary>Reads varints and strings from a span; out-of-range reads throw.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes, int position)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; } = position;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Number()
        {
            var value = Long();
            return value <= int.MaxValue ? (int)value : throw new InvalidDataException("number");
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long Long()
        {
            var first = _bytes[Position];
            if (first < 0x80)
            {
                Position++;
                return first;
            }

            long value = 0;
            for (var shift = 0; shift < 63; shift += 7)
            {
                var b = _bytes[Position++];
                value |= (long)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("number");
        }

        public string String()
        {
            var count = Number();
            var text = Encoding.UTF8.GetString(_bytes.Slice(Position, count));
            Position += count;
            return text;
        }

        public void Skip(int count)
        {
            _ = _bytes.Slice(Position, count);
            Position += count;
        }
    }
}
