using System.Collections.Immutable;
using System.Globalization;
using Publisher.Search.Indexing;
using Publisher.Search.Tokenization;

namespace Publisher.Search.Querying;

/// <summary>
/// Ranks with BM25F impacts fixed at build time. A document must contain every query term (each character
/// bigram of a Chinese word, so 依法行政 needs 依法, 法行 and 行政 side by side in that order of pairs; each
/// stemmed English word). Its score is the sum over the terms of IDF weight × impact; two query words that
/// stand next to each other in the document add their pair term's weight × impact (the adjacency bonus); a
/// query that is a document's number adds four times its weight × impact. Filters keep only documents of an
/// office, year or kind. Ties go to the lower id (newer documents come first in the index). All arithmetic is
/// on integers, so <c>search.js</c> ranks exactly alike.
/// </summary>
public static class Ranker
{
    /// <summary>How much more a document-number match counts than an ordinary term.</summary>
    public const int DocNumberBoost = 4;

    /// <summary>Searches <paramref name="index"/>.</summary>
    public static SearchResults Search(SearchIndex index, SearchRequest request)
    {
        var terms = Tokenizer.Query(request.Query);
        var scored = Score(index, request, terms);
        var pageCount = Math.Max(1, (scored.Count + IndexLayout.PageSize - 1) / IndexLayout.PageSize);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var hits = scored
            .Skip((page - 1) * IndexLayout.PageSize)
            .Take(IndexLayout.PageSize)
            .Select(s => Hit(index.Document(s.DocId), s.DocId, s.Score, terms))
            .ToImmutableArray();
        return new SearchResults(scored.Count, page, pageCount, hits);
    }

    /// <summary>Every matching document with its score, best first.</summary>
    internal static List<(int DocId, long Score)> Score(SearchIndex index, SearchRequest request, QueryTerms terms)
    {
        if (terms.IsEmpty)
        {
            return [];
        }

        Dictionary<int, long>? scores = null;
        foreach (var term in terms.Required)
        {
            if (index.Term(term) is not { } entry)
            {
                return [];
            }

            var next = new Dictionary<int, long>();
            foreach (var (docId, impact) in entry.Postings)
            {
                if (scores is null || scores.ContainsKey(docId))
                {
                    next[docId] = (scores?[docId] ?? 0) + ((long)entry.Weight * impact);
                }
            }

            scores = next;
        }

        foreach (var facet in Facets(request))
        {
            var allowed = index.Term(facet)?.Postings.Select(p => p.DocId).ToHashSet() ?? [];
            scores = scores!.Where(s => allowed.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value);
        }

        var bonuses = terms.Pairs.Select(p => (Term: p, Boost: 1)).ToList();
        if (terms.DocNumberKey is { } key)
        {
            bonuses.Add((key, DocNumberBoost));
        }

        foreach (var (term, boost) in bonuses)
        {
            if (index.Term(term) is { } entry)
            {
                foreach (var (docId, impact) in entry.Postings)
                {
                    if (scores!.TryGetValue(docId, out var score))
                    {
                        scores[docId] = score + ((long)boost * entry.Weight * impact);
                    }
                }
            }
        }

        return [.. scores!.Select(s => (DocId: s.Key, Score: s.Value)).OrderByDescending(s => s.Score).ThenBy(s => s.DocId)];
    }

    private static IEnumerable<string> Facets(SearchRequest request)
    {
        if (!string.IsNullOrEmpty(request.Office))
        {
            yield return IndexLayout.OfficeFacet + request.Office;
        }

        if (request.Year is { } year)
        {
            yield return IndexLayout.YearFacet + year.ToString(CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(request.Kind))
        {
            yield return IndexLayout.KindFacet + request.Kind;
        }
    }

    private static SearchHit Hit(DocumentRecord doc, int id, long score, QueryTerms terms)
    {
        var needles = terms.Highlights;
        var lowerText = doc.Text.ToLowerInvariant();
        var source = doc.Summary is { } summary && !needles.Any(n => lowerText.Contains(n, StringComparison.Ordinal)) && needles.Any(n => summary.ToLowerInvariant().Contains(n, StringComparison.Ordinal))
            ? summary
            : doc.Text;
        return new SearchHit(id, score, doc.Url, doc.Title, Snippet.MarkAll(doc.Title, needles), doc.Office, doc.Year, doc.Kind, doc.DocNumber, Snippet.Build(source, needles));
    }
}
