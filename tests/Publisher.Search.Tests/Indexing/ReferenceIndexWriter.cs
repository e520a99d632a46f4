using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Publisher.Search.Indexing;
using Publisher.Search.Tokenization;

namespace Publisher.Search.Tests.Indexing;

/// <summary>
/// The first, string-per-term index writer and tokenizer, kept verbatim as the oracle the fast writer must match
/// byte for byte (its own posting codec and shard hash included, so a change there is caught too).
/// </summary>
internal static class ReferenceIndexWriter
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int TitleWeight = 3;
    private const int MetaWeight = 2;
    private const int MaxImpact = 31;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private enum Kind
    {
        Other,
        Space,
        Cjk,
        Word,
    }

    public static List<(string Path, string Content)> Write(IReadOnlyList<SearchDocument> documents)
    {
        var analysed = documents.Select(Analyse).ToList();
        var averageBody = analysed.Count == 0 ? 1.0 : Math.Max(1.0, analysed.Average(a => (double)a.BodyLength));
        var pivot = Math.Pow(2, Math.Round(16 * Math.Log2(averageBody), MidpointRounding.AwayFromZero) / 16); // the average rounded to a power of 2^(1/16)
        var postings = new Dictionary<string, List<(int DocId, int Impact)>>(StringComparer.Ordinal);
        for (var id = 0; id < analysed.Count; id++)
        {
            var doc = analysed[id];
            var norm = 1 - B + (B * doc.BodyLength / pivot);
            foreach (var (term, (title, meta, body)) in doc.Counts)
            {
                var tf = (TitleWeight * title) + (MetaWeight * meta) + (body / norm);
                var impact = (int)Math.Ceiling(MaxImpact * tf / (tf + K1));
                Add(postings, term, id, impact);
            }

            foreach (var facet in Facets(documents[id]))
            {
                Add(postings, facet, id, 1);
            }
        }

        var entries = postings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (Term: p.Key, Weight: IsFacet(p.Key) ? 0 : Idf(documents.Count, p.Value.Count), Postings: Encode(p.Value))).ToList();
        var totalChars = entries.Sum(e => (long)e.Term.Length + e.Postings.Length + 8);
        var bits = 0;
        while (bits < 16 && (totalChars >> bits) > 16 * 1024)
        {
            bits++;
        }

        var files = new List<(string, string)>
        {
            ("meta.json", Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("v", 1);
                w.WriteNumber("n", documents.Count);
                w.WriteNumber("bits", bits);
                w.WriteEndObject();
            })),
        };
        foreach (var shard in entries.GroupBy(e => Shard(e.Term, bits)).OrderBy(g => g.Key))
        {
            files.Add(("t/" + shard.Key.ToString("x" + Math.Max(1, (bits + 3) / 4), CultureInfo.InvariantCulture) + ".json", Write(w =>
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
            files.Add(("d/" + id.ToString(CultureInfo.InvariantCulture) + ".json", Write(w =>
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

    public static List<string> IndexTerms(string text)
    {
        var terms = new List<string>();
        string? previousWord = null;
        foreach (var (kind, run) in Runs(Normalize(text)))
        {
            switch (kind)
            {
                case Kind.Cjk:
                    for (var i = 0; i < run.Count; i++)
                    {
                        terms.Add(run[i]);
                        if (i + 1 < run.Count)
                        {
                            terms.Add(run[i] + run[i + 1]);
                        }
                    }

                    previousWord = null;
                    break;
                case Kind.Word:
                    var word = LightStemmer.Stem(string.Concat(run));
                    terms.Add(word);
                    if (previousWord is not null)
                    {
                        terms.Add(previousWord + " " + word);
                    }

                    previousWord = word;
                    break;
                case Kind.Space:
                    break;
                default:
                    previousWord = null;
                    break;
            }
        }

        return terms;
    }

    public static string? DocNumberKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder("#");
        var hasDigit = false;
        foreach (var (kind, run) in Runs(Normalize(text)))
        {
            if (kind is Kind.Cjk or Kind.Word)
            {
                foreach (var part in run)
                {
                    builder.Append(part);
                    hasDigit |= part.Any(char.IsAsciiDigit);
                }
            }
        }

        return hasDigit ? builder.ToString() : null;
    }

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private static bool IsCjk(int c) =>
        c is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x3FFFF) or (>= 0x3040 and <= 0x30FF) or (>= 0xAC00 and <= 0xD7AF);

    private static bool IsWord(int c) =>
        c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or (>= 0xDF and <= 0x24F and not 0xF7);

    private static IEnumerable<(Kind Kind, List<string> Run)> Runs(string text)
    {
        var run = new List<string>();
        var current = Kind.Space;
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            var kind = IsCjk(c) ? Kind.Cjk : IsWord(c) ? Kind.Word : c is ' ' or '\t' or '\n' or '\r' or '-' ? Kind.Space : Kind.Other;
            if (kind != current)
            {
                yield return (current, run);
                run = [];
                current = kind;
            }

            if (kind is Kind.Cjk or Kind.Word)
            {
                run.Add(rune.ToString());
            }
        }

        yield return (current, run);
    }

    private static int Idf(int documentCount, int documentFrequency) =>
        Math.Max(1, (int)Math.Round(100 * Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5))), MidpointRounding.AwayFromZero));

    private static bool IsFacet(string term) =>
        term.StartsWith("office:", StringComparison.Ordinal) || term.StartsWith("year:", StringComparison.Ordinal) || term.StartsWith("kind:", StringComparison.Ordinal);

    private static IEnumerable<string> Facets(SearchDocument doc)
    {
        if (doc.Office is { } office)
        {
            yield return "office:" + office;
        }

        if (doc.Year is { } year)
        {
            yield return "year:" + year.ToString(CultureInfo.InvariantCulture);
        }

        yield return "kind:" + doc.Kind;
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
        foreach (var term in IndexTerms(doc.Title))
        {
            var c = counts.GetValueOrDefault(term);
            counts[term] = (c.Title + 1, c.Meta, c.Body);
        }

        var meta = string.Join(" \n ", new[] { doc.OfficeName, doc.KindName, doc.DocNumber, doc.Year?.ToString(CultureInfo.InvariantCulture) }.Where(s => s is not null));
        var metaTerms = IndexTerms(meta).ToList();
        if (DocNumberKey(doc.DocNumber) is { } key)
        {
            metaTerms.Add(key);
        }

        foreach (var term in metaTerms)
        {
            var c = counts.GetValueOrDefault(term);
            counts[term] = (c.Title, c.Meta + 1, c.Body);
        }

        var bodyLength = 0;
        foreach (var term in IndexTerms(doc.Body + "\n" + doc.Summary))
        {
            var c = counts.GetValueOrDefault(term);
            counts[term] = (c.Title, c.Meta, c.Body + 1);
            bodyLength++;
        }

        return new Analysed(counts, bodyLength);
    }

    private static string Encode(List<(int DocId, int Impact)> postings)
    {
        var builder = new StringBuilder();
        var previous = -1;
        foreach (var (docId, impact) in postings)
        {
            var value = docId - previous;
            do
            {
                var digit = value & 31;
                value >>= 5;
                builder.Append(Alphabet[value > 0 ? digit | 32 : digit]);
            }
            while (value > 0);

            builder.Append(Alphabet[Math.Clamp(impact, 1, MaxImpact)]);
            previous = docId;
        }

        return builder.ToString();
    }

    private static int Shard(string term, int bits)
    {
        if (bits == 0)
        {
            return 0;
        }

        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(term))
        {
            hash ^= b;
            hash *= 16777619u;
        }

        return (int)(hash >> (32 - bits));
    }

    private static string Excerpt(string body)
    {
        var collapsed = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= 1500)
        {
            return collapsed;
        }

        var end = 1500;
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
