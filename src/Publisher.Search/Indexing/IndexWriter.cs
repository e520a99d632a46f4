using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Publisher.Search.Tokenization;

namespace Publisher.Search.Indexing;

/// <summary>
/// Writes the search index of one language: <c>meta.json</c>; term shards <c>t/&lt;hex&gt;.json</c>, each a JSON
/// object mapping a term to <c>[weight, postings]</c>, where weight is the term's BM25 IDF ×100 and postings are
/// encoded by <see cref="PostingCodec"/> with a BM25F impact per document (title ×3, office, kind and number ×2,
/// body ×1 with length normalisation); and one record per document <c>d/&lt;id&gt;.json</c> with what a result
/// shows. All scoring numbers are integers fixed at build time, so the browser and the CLI rank alike. Output is
/// deterministic: the same documents in the same order give the same bytes.
/// </summary>
public static class IndexWriter
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int TitleWeight = 3;
    private const int MetaWeight = 2;

    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) }; // keeps Chinese literal, escapes < > & so no payload can close a script element

    /// <summary>Writes the index of <paramref name="documents"/>; a document's id is its position in the list.</summary>
    public static IReadOnlyList<IndexFile> Write(IReadOnlyList<SearchDocument> documents)
    {
        var analysed = documents.AsParallel().AsOrdered().Select(Analyse).ToList();
        var averageBody = analysed.Count == 0 ? 1.0 : Math.Max(1.0, analysed.Average(a => (double)a.BodyLength));
        var postings = new Dictionary<string, List<(int DocId, int Impact)>>(StringComparer.Ordinal);
        for (var id = 0; id < analysed.Count; id++)
        {
            var doc = analysed[id];
            var norm = 1 - B + (B * doc.BodyLength / averageBody);
            foreach (var (term, (title, meta, body)) in doc.Counts)
            {
                var tf = (TitleWeight * title) + (MetaWeight * meta) + (body / norm);
                var impact = (int)Math.Ceiling(PostingCodec.MaxImpact * tf / (tf + K1));
                Add(postings, term, id, impact);
            }

            foreach (var facet in Facets(documents[id]))
            {
                Add(postings, facet, id, 1);
            }
        }

        var entries = postings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (Term: p.Key, Weight: IsFacet(p.Key) ? 0 : Idf(documents.Count, p.Value.Count), Postings: PostingCodec.Encode(p.Value))).ToList();
        var totalChars = entries.Sum(e => (long)e.Term.Length + e.Postings.Length + 8);
        var bits = 0;
        while (bits < IndexLayout.MaxShardBits && (totalChars >> bits) > IndexLayout.TargetShardChars)
        {
            bits++;
        }

        var files = new List<IndexFile>
        {
            new(IndexLayout.MetaFile, Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("v", IndexLayout.Version);
                w.WriteNumber("n", documents.Count);
                w.WriteNumber("bits", bits);
                w.WriteEndObject();
            })),
        };
        foreach (var shard in entries.GroupBy(e => TermHash.Shard(e.Term, bits)).OrderBy(g => g.Key))
        {
            files.Add(new IndexFile(IndexLayout.ShardFolder + TermHash.ShardName(shard.Key, bits) + ".json", Write(w =>
            {
                w.WriteStartObject();
                foreach (var entry in shard)
                {
                    w.WriteStartArray(entry.Term);
                    w.WriteNumberValue(entry.Weight);
                    w.WriteStringValue(entry.Postings);
                    w.WriteEndArray();
                }

                w.WriteEndObject();
            })));
        }

        for (var id = 0; id < documents.Count; id++)
        {
            var doc = documents[id];
            files.Add(new IndexFile(IndexLayout.DocumentFolder + id.ToString(CultureInfo.InvariantCulture) + ".json", Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("u", doc.Url);
                w.WriteString("t", doc.Title);
                WriteOptional(w, "o", doc.OfficeName);
                if (doc.Year is { } year)
                {
                    w.WriteNumber("y", year);
                }

                WriteOptional(w, "k", doc.KindName);
                WriteOptional(w, "n", doc.DocNumber);
                WriteOptional(w, "s", doc.Summary);
                w.WriteString("x", Excerpt(doc.Body));
                w.WriteEndObject();
            })));
        }

        return files;
    }

    /// <summary>The BM25 inverse document frequency ×100, rounded, at least 1.</summary>
    internal static int Idf(int documentCount, int documentFrequency) =>
        Math.Max(1, (int)Math.Round(100 * Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5))), MidpointRounding.AwayFromZero));

    internal static bool IsFacet(string term) =>
        term.StartsWith(IndexLayout.OfficeFacet, StringComparison.Ordinal) || term.StartsWith(IndexLayout.YearFacet, StringComparison.Ordinal) || term.StartsWith(IndexLayout.KindFacet, StringComparison.Ordinal);

    private static IEnumerable<string> Facets(SearchDocument doc)
    {
        if (doc.Office is { } office)
        {
            yield return IndexLayout.OfficeFacet + office;
        }

        if (doc.Year is { } year)
        {
            yield return IndexLayout.YearFacet + year.ToString(CultureInfo.InvariantCulture);
        }

        yield return IndexLayout.KindFacet + doc.Kind;
    }

    private static void Add(Dictionary<string, List<(int, int)>> postings, string term, int id, int impact)
    {
        if (!postings.TryGetValue(term, out var list))
        {
            postings[term] = list = [];
        }

        list.Add((id, impact));
    }

    private static Analysed Analyse(SearchDocument doc)
    {
        var counts = new Dictionary<string, (int Title, int Meta, int Body)>(StringComparer.Ordinal);
        foreach (var term in Tokenizer.IndexTerms(doc.Title))
        {
            var c = counts.GetValueOrDefault(term);
            counts[term] = (c.Title + 1, c.Meta, c.Body);
        }

        var meta = string.Join(" \n ", new[] { doc.OfficeName, doc.KindName, doc.DocNumber, doc.Year?.ToString(CultureInfo.InvariantCulture) }.Where(s => s is not null));
        var metaTerms = Tokenizer.IndexTerms(meta).ToList();
        if (Tokenizer.DocNumberKey(doc.DocNumber) is { } key)
        {
            metaTerms.Add(key);
        }

        foreach (var term in metaTerms)
        {
            var c = counts.GetValueOrDefault(term);
            counts[term] = (c.Title, c.Meta + 1, c.Body);
        }

        var bodyLength = 0;
        foreach (var term in Tokenizer.IndexTerms(doc.Body + "\n" + doc.Summary))
        {
            var c = counts.GetValueOrDefault(term);
            counts[term] = (c.Title, c.Meta, c.Body + 1);
            bodyLength++;
        }

        return new Analysed(counts, bodyLength);
    }

    private static string Excerpt(string body)
    {
        var collapsed = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= IndexLayout.SnippetTextLength)
        {
            return collapsed;
        }

        var end = IndexLayout.SnippetTextLength;
        if (char.IsHighSurrogate(collapsed[end - 1]))
        {
            end--;
        }

        return collapsed[..end];
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Json))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private sealed record Analysed(Dictionary<string, (int Title, int Meta, int Body)> Counts, int BodyLength);
}
