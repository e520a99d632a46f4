using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Publisher.Core.Diagnostics;
using Publisher.Search.Indexing;

namespace Publisher.Search.Querying;

/// <summary>
/// A written index, read lazily the way the browser reads it: <c>meta.json</c> first, then only the shards of
/// the terms asked for and the record files (<see cref="IndexLayout.RecordsPerFile"/> documents each) of the
/// documents shown, each file once. <see cref="FilesRead"/> says what was read.
/// </summary>
public sealed class SearchIndex
{
    private readonly Func<string, string?> _readFile;
    private readonly string _displayPath;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, JsonElement>> _shards = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonElement[]> _records = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _filesRead = new(StringComparer.Ordinal);

    /// <summary>Opens an index through a function that returns a file's text by its path in the index, or null.</summary>
    /// <param name="readFile">Reads <c>meta.json</c>, <c>t/3f.json</c>, <c>d/3.json</c>.</param>
    /// <param name="displayPath">How to name the index in error messages.</param>
    /// <exception cref="ContentException">PUB0501 when there is no index, PUB0502 when it is of another version or broken.</exception>
    public SearchIndex(Func<string, string?> readFile, string displayPath)
    {
        _readFile = readFile;
        _displayPath = displayPath;
        var meta = Read(IndexLayout.MetaFile) ?? throw new ContentException("PUB0501", new SourceSpan(Display(IndexLayout.MetaFile)), "there is no search index here.", "Run 'publisher build' first, or point --site at the built site folder (the one with search/index/).");
        try
        {
            using var json = JsonDocument.Parse(meta);
            var version = json.RootElement.GetProperty("v").GetInt32();
            if (version != IndexLayout.Version)
            {
                throw new ContentException("PUB0502", new SourceSpan(Display(IndexLayout.MetaFile)), $"the search index is version {version}; this Publisher reads version {IndexLayout.Version}.", "Rebuild the site with this version of Publisher.");
            }

            Count = json.RootElement.GetProperty("n").GetInt32();
            Bits = json.RootElement.GetProperty("bits").GetInt32();
            RecordsPerFile = json.RootElement.GetProperty("r").GetInt32();
            if (RecordsPerFile < 1)
            {
                throw Broken(IndexLayout.MetaFile, $"r is {RecordsPerFile}; it must be at least 1");
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw Broken(IndexLayout.MetaFile, ex.Message);
        }
    }

    /// <summary>How many documents the index holds.</summary>
    public int Count { get; }

    /// <summary>The index has 2^Bits shards.</summary>
    public int Bits { get; }

    /// <summary>How many document records one file of <see cref="IndexLayout.DocumentFolder"/> holds.</summary>
    public int RecordsPerFile { get; }

    /// <summary>Every file read so far with its size in UTF-8 bytes, by path in the index.</summary>
    public IReadOnlyDictionary<string, long> FilesRead => _filesRead;

    /// <summary>Opens the index in a folder on disk.</summary>
    /// <exception cref="ContentException">See the constructor.</exception>
    public static SearchIndex Open(string directory) =>
        new(path =>
        {
            var file = Path.Combine(directory, path);
            return File.Exists(file) ? File.ReadAllText(file) : null;
        }, directory);

    /// <summary>A term's IDF weight and postings, or null when no document has it.</summary>
    internal (int Weight, List<(int DocId, int Impact)> Postings)? Term(string term)
    {
        var name = IndexLayout.ShardFolder + TermHash.ShardName(TermHash.Shard(term, Bits), Bits) + ".json";
        var shard = _shards.GetOrAdd(name, LoadShard);
        if (!shard.TryGetValue(term, out var entry))
        {
            return null;
        }

        try
        {
            return (entry[0].GetInt32(), PostingCodec.Decode(entry[1].GetString()!));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw Broken(name, $"term '{term}': {ex.Message}");
        }
    }

    /// <summary>The record of a document shown in results, from its group's file (read once).</summary>
    internal DocumentRecord Document(int id)
    {
        var name = IndexLayout.RecordFile(id, RecordsPerFile);
        var records = id >= 0 && id < Count ? _records.GetOrAdd(name, LoadRecords) : [];
        var at = id % RecordsPerFile;
        if (at < 0 || at >= records.Length)
        {
            throw Broken(name, $"the record of document {id.ToString(CultureInfo.InvariantCulture)} is missing");
        }

        try
        {
            var root = records[at];
            return new DocumentRecord(
                root.GetProperty("u").GetString()!,
                root.GetProperty("t").GetString()!,
                Optional(root, "o"),
                root.TryGetProperty("y", out var year) ? year.GetInt32() : null,
                Optional(root, "k"),
                Optional(root, "n"),
                Optional(root, "s"),
                root.GetProperty("x").GetString()!);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            throw Broken(name, $"document {id.ToString(CultureInfo.InvariantCulture)}: {ex.Message}");
        }
    }

    private static string? Optional(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;

    private IReadOnlyDictionary<string, JsonElement> LoadShard(string name)
    {
        var text = Read(name);
        if (text is null)
        {
            return new Dictionary<string, JsonElement>();
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            throw Broken(name, ex.Message);
        }
    }

    private JsonElement[] LoadRecords(string name)
    {
        var text = Read(name) ?? throw Broken(name, "the document records are missing");
        try
        {
            using var json = JsonDocument.Parse(text);
            return [.. json.RootElement.EnumerateArray().Select(r => r.Clone())];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Broken(name, ex.Message);
        }
    }

    private string? Read(string name)
    {
        var text = _readFile(name);
        if (text is not null)
        {
            _filesRead[name] = System.Text.Encoding.UTF8.GetByteCount(text);
        }

        return text;
    }

    private ContentException Broken(string name, string detail) =>
        new("PUB0502", new SourceSpan(Display(name)), $"the search index is damaged: {detail}", "Rebuild the site; do not edit files under search/index/ by hand.");

    private string Display(string name) => Path.Combine(_displayPath, name).Replace('\\', '/');
}
