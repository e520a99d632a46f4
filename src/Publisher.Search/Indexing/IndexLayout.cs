namespace Publisher.Search.Indexing;

/// <summary>Names and constants shared by the writer, the C# ranker and <c>search.js</c>.</summary>
public static class IndexLayout
{
    /// <summary>The format version in <c>meta.json</c>; readers refuse another.</summary>
    public const int Version = 1;

    /// <summary>The index's description: document count and shard bits.</summary>
    public const string MetaFile = "meta.json";

    /// <summary>The folder of term shards (<c>t/3f.json</c>).</summary>
    public const string ShardFolder = "t/";

    /// <summary>The folder of per-document records shown in results (<c>d/12.json</c>).</summary>
    public const string DocumentFolder = "d/";

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
}
