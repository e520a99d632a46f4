using System.Globalization;

namespace Publisher.Search.Indexing;

/// <summary>Names and constants shared by the writer, the C# ranker and <c>search.js</c>.</summary>
public static class IndexLayout
{
    /// <summary>The format version in <c>meta.json</c>; readers refuse another.</summary>
    public const int Version = 2;

    /// <summary>The index's description: document count and shard bits.</summary>
    public const string MetaFile = "meta.json";

    /// <summary>The folder of term shards (<c>t/3f.json</c>).</summary>
    public const string ShardFolder = "t/";

    /// <summary>
    /// The folder of document records shown in results, grouped: <c>d/3.json</c> is a JSON array of the records of
    /// documents <c>3 × R</c> to <c>4 × R − 1</c> in order, where R is <see cref="RecordsPerFile"/> (also written to
    /// <c>meta.json</c> as <c>r</c>, which readers use).
    /// </summary>
    public const string DocumentFolder = "d/";

    /// <summary>
    /// How many document records one file of <see cref="DocumentFolder"/> holds. One record per file made the
    /// index 22,182 of the 43,557 files a 10,000-document build wrote (two languages), and creating files was the
    /// build's largest kernel cost; four a file cut the build to 28,555 files. The price is paid by readers: a
    /// results page shows ten hits scattered over the ids, each in its own group. Measured at 10,000
    /// documents (README, Search), the gzipped records of a first results page grow 2.5–3.8× at 4 records a file,
    /// and the page's whole download (records and term shards) 1.4–2.8×; at 8, up to 4.7×; at 16, up to 8×.
    /// </summary>
    public const int RecordsPerFile = 4;

    /// <summary>The term prefix of the office filter.</summary>
    public const string OfficeFacet = "office:";

    /// <summary>The term prefix of the year filter.</summary>
    public const string YearFacet = "year:";

    /// <summary>The term prefix of the kind filter.</summary>
    public const string KindFacet = "kind:";

    /// <summary>Results per page.</summary>
    public const int PageSize = 10;

    /// <summary>How many characters of a body a document record keeps for snippets.</summary>
    public const int SnippetTextLength = 1500;

    /// <summary>The size, in characters, a shard aims at; more documents give more shards.</summary>
    public const int TargetShardChars = 16 * 1024;

    /// <summary>The largest number of shard bits (65,536 shards).</summary>
    public const int MaxShardBits = 16;

    /// <summary>The path in the index of the record file holding document <paramref name="id"/> (<c>d/3.json</c>).</summary>
    /// <param name="id">The document's id, its position in the index.</param>
    /// <param name="recordsPerFile">Records a file, as in <c>meta.json</c>.</param>
    /// <returns>The path, with forward slashes.</returns>
    public static string RecordFile(int id, int recordsPerFile) =>
        DocumentFolder + (id / recordsPerFile).ToString(CultureInfo.InvariantCulture) + ".json";
}
