using System.IO.Hashing;
using System.Text;

namespace Publisher.Search.Indexing;

/// <summary>
/// What an index was made from, as much as <see cref="IndexPatcher"/> needs to change it for a few edited
/// documents instead of making it again: its layout (records a file, shard bits, the length pivot's step and the
/// total that decided the bits), each document's URL, hash (<see cref="DocumentHash"/>), body length and shards, and the
/// hash of each file the caller published (the caller's own, e.g. of its output cache, so that it can tell
/// whether the files on disk are still these).
/// </summary>
/// <param name="RecordsPerFile">Document records a file.</param>
/// <param name="Bits">The shard bits.</param>
/// <param name="PivotStep">The step of the BM25 length pivot (<see cref="IndexWriter.PivotStep"/>).</param>
/// <param name="TotalChars">The total that decided the bits (<see cref="IndexWriter.ShardBits"/>).</param>
/// <param name="Urls">Each document's URL, by id.</param>
/// <param name="Hashes">Each document's hash, by id.</param>
/// <param name="BodyLengths">Each document's body length in terms, by id.</param>
public sealed record IndexState(int RecordsPerFile, int Bits, int PivotStep, long TotalChars, string[] Urls, UInt128[] Hashes, int[] BodyLengths)
{
    private const string Format = "publisher-search-state 4";

    /// <summary>Which shards hold each document (<see cref="Indexing.ShardRows"/>); null when there were too many to keep.</summary>
    public Memory<byte>? ShardRows { get; init; }

    /// <summary>
    /// The postings of the documents the last patches changed (document id → its hash and each of its terms'
    /// impact), as the index holds them: the next patch of such a document reads and writes only the shards of the
    /// terms whose posting changed (<see cref="IndexPatcher"/>), where it reads every shard the document is in
    /// when it does not know them (1,500 of 2,048 shards for a 12 KB report).
    /// </summary>
    internal IReadOnlyDictionary<int, KnownPostings> Known { get; init; } = new Dictionary<int, KnownPostings>();

    /// <summary>The published files of the index (path inside the index folder → the caller's hash of its bytes).</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Writes the state to <paramref name="path"/> (through a temporary file, so a reader sees the old state or
    /// the new), under <paramref name="fingerprint"/>, which must change whenever the code could write another
    /// index from the same documents.
    /// </summary>
    public void Save(string path, string fingerprint)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(fingerprint);
            writer.Write(RecordsPerFile);
            writer.Write(Bits);
            writer.Write(PivotStep);
            writer.Write(TotalChars);
            writer.Write(Urls.Length);
            for (var id = 0; id < Urls.Length; id++)
            {
                writer.Write(Urls[id]);
                writer.Write((ulong)(Hashes[id] >> 64));
                writer.Write((ulong)Hashes[id]);
                writer.Write(BodyLengths[id]);
            }

            writer.Write(Files.Count);
            foreach (var (file, hash) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.Write(file);
                writer.Write(hash);
            }

            writer.Write(Known.Count);
            foreach (var (id, known) in Known.OrderBy(k => k.Key))
            {
                writer.Write(id);
                writer.Write((ulong)(known.Hash >> 64));
                writer.Write((ulong)known.Hash);
                writer.Write(known.Impacts.Count);
                foreach (var (term, impact) in known.Impacts.OrderBy(i => i.Key, StringComparer.Ordinal))
                {
                    writer.Write(term);
                    writer.Write((byte)impact);
                }
            }

            writer.Write(ShardRows is { } length ? length.Length : -1);
        }

        // The rows last and straight from their array: 50 MB at 50,000 documents, not copied into the buffer.
        var head = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var rows = ShardRows is { } r ? r.Span : [];
        var checksum = new XxHash3();
        checksum.Append(head);
        checksum.Append(rows);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            file.Write(head);
            file.Write(rows);
            file.Write(BitConverter.GetBytes(checksum.GetCurrentHashAsUInt64()));
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The state saved at <paramref name="path"/> under <paramref name="fingerprint"/>; null when there is none, it is damaged or another fingerprint's.</summary>
    public static IndexState? Load(string path, string fingerprint)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < sizeof(ulong) || XxHash3.HashToUInt64(bytes.AsSpan(0, bytes.Length - sizeof(ulong))) != BitConverter.ToUInt64(bytes, bytes.Length - sizeof(ulong)))
            {
                return null;
            }

            using var stream = new MemoryStream(bytes, 0, bytes.Length - sizeof(ulong), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Format || reader.ReadString() != fingerprint)
            {
                return null;
            }

            var (recordsPerFile, bits, pivotStep, totalChars) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64());
            var count = reader.ReadInt32();
            var urls = new string[count];
            var hashes = new UInt128[count];
            var lengths = new int[count];
            for (var id = 0; id < count; id++)
            {
                urls[id] = reader.ReadString();
                hashes[id] = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
                lengths[id] = reader.ReadInt32();
            }

            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var fileCount = reader.ReadInt32(); fileCount > 0; fileCount--)
            {
                files.Add(reader.ReadString(), reader.ReadString());
            }

            var known = new Dictionary<int, KnownPostings>();
            for (var knownCount = reader.ReadInt32(); knownCount > 0; knownCount--)
            {
                var id = reader.ReadInt32();
                var hash = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
                var impacts = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var termCount = reader.ReadInt32(); termCount > 0; termCount--)
                {
                    impacts.Add(reader.ReadString(), reader.ReadByte());
                }

                known.Add(id, new KnownPostings(hash, impacts));
            }

            // The rows are the rest of the file, used where they lie (no copy).
            var rowsLength = reader.ReadInt32();
            var start = (int)stream.Position;
            if (rowsLength >= 0 ? start + rowsLength != stream.Length : start != stream.Length)
            {
                return null;
            }

            Memory<byte>? rows = rowsLength < 0 ? null : bytes.AsMemory(start, rowsLength);

            return new IndexState(recordsPerFile, bits, pivotStep, totalChars, urls, hashes, lengths) { ShardRows = rows, Files = files, Known = known };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>A document's postings as an index holds them: the document's hash (<see cref="DocumentHash"/>) and each of its terms' impact.</summary>
/// <param name="Hash">The hash of the document these postings were made from.</param>
/// <param name="Impacts">Each term of the document (body, title, fields and facets) → its impact.</param>
internal sealed record KnownPostings(UInt128 Hash, IReadOnlyDictionary<string, int> Impacts);
