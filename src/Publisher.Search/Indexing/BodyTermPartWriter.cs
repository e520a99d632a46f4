using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Text;

namespace Publisher.Search.Indexing;

/// <summary>
/// Writes one part file of a <see cref="BodyTermStore"/> as its part of the index is analysed. Layout (integers
/// are unsigned LEB128 varints, strings a varint byte count then UTF-8): the magic <c>PBT1</c>, the fingerprint
/// and the build id; then per document a 1, its key, its body length, its entry count and that many
/// (term number, count) pairs, term numbers being the part's; a 0; the term count and per term its look-up key
/// + 1 (<see cref="TermTable.KeyOf"/>, so 0 for a term found by its text) and its text; and last the XxHash3
/// of all the bytes before it (8 bytes, little-endian), which <see cref="BodyTermPart.Read"/> checks.
/// </summary>
internal sealed class BodyTermPartWriter : IDisposable
{
    /// <summary>The first bytes of a part file.</summary>
    public static ReadOnlySpan<byte> Magic => "PBT1"u8;

    private readonly FileStream _file;
    private readonly XxHash3 _hash = new();
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    /// <summary>Creates the file and writes its header.</summary>
    public BodyTermPartWriter(string path, string fingerprint, string buildId)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        Magic.CopyTo(_buffer);
        _used = Magic.Length;
        WriteString(fingerprint);
        WriteString(buildId);
    }

    /// <summary>Adds a document's body: its key, its length and its terms' numbers (in this part) and counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string key, int length, ReadOnlySpan<int> terms, ReadOnlySpan<int> counts)
    {
        WriteNumber(1);
        WriteString(key);
        WriteNumber((uint)length);
        WriteNumber((uint)terms.Length);
        for (var i = 0; i < terms.Length; i++)
        {
            WriteNumber((uint)terms[i]);
            WriteNumber((uint)counts[i]);
        }
    }

    /// <summary>Ends the file with the part's terms (every number the documents used) and the checksum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Finish(TermTable terms)
    {
        WriteNumber(0);
        WriteNumber((uint)terms.Count);
        for (var id = 0; id < terms.Count; id++)
        {
            WriteNumber((ulong)(terms.KeyOf(id) + 1));
            WriteString(terms[id]);
        }

        Flush();
        Span<byte> checksum = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, _hash.GetCurrentHashAsUInt64());
        _file.Write(checksum);
        _file.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteNumber(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_used++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_used++] = (byte)value;
    }

    private void WriteString(string text)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        WriteNumber((uint)count);
        if (count > _buffer.Length)
        {
            Flush();
            Append(Encoding.UTF8.GetBytes(text));
            return;
        }

        Ensure(count);
        _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
    }

    private void Ensure(int count)
    {
        if (_used + count > _buffer.Length)
        {
            Flush();
        }
    }

    private void Flush()
    {
        Append(_buffer.AsSpan(0, _used));
        _used = 0;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes);
        _file.Write(bytes);
    }
}
