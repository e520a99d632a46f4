using System.Globalization;
using System.Text;
using Publisher.Core.Caching;
using Publisher.Core.Execution;

namespace Publisher.Site.Modules;

/// <summary>
/// The body term counts of one language's search index, kept from build to build in
/// <c>.publisher-cache/search-lengths-&lt;language&gt;.txt</c> under each document's source digest: the BM25 length
/// normalisation needs every document's count before any posting is made, and counting them again was a scan of
/// every body, 0.2 s of the 1.1 s that a one-edit build at 10,000 documents spent on its Chinese index. A count
/// is a function of the document's sources (which make its body and summary) and the code (in the fingerprint,
/// the file's first line), so a recalled count is the count a scan would give. The file is the index's own: it
/// stays as it was when the index is kept, is read only when the build may use the previous one's cache
/// (<see cref="OutputCache.UsesPreviousBuild"/>), and any damage makes it be ignored.
/// </summary>
internal sealed class SearchBodyLengths
{
    private const string Header = "publisher-search-lengths 1";

    private readonly string _path;
    private readonly string _firstLine;
    private readonly Dictionary<string, int> _known;

    private SearchBodyLengths(string path, string firstLine, Dictionary<string, int> known)
    {
        _path = path;
        _firstLine = firstLine;
        _known = known;
    }

    /// <summary>The counts the previous build kept for <paramref name="language"/>; none without a cache.</summary>
    public static SearchBodyLengths? Open(IExecutionContext context, string language)
    {
        if (context.OutputCache is not { } cache)
        {
            return null;
        }

        var path = Path.Combine(cache.CacheDirectory, "search-lengths-" + language + ".txt");
        var firstLine = Header + "\t" + cache.Fingerprint;
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        if (cache.UsesPreviousBuild)
        {
            Read(path, firstLine, known);
        }

        return new SearchBodyLengths(path, firstLine, known);
    }

    /// <summary>The count kept for a document whose sources have this digest, if any.</summary>
    public int? Recall(string? digest) => digest is not null && _known.TryGetValue(digest, out var count) ? count : null;

    /// <summary>Keeps this build's counts (replacing the file atomically; a failure to write only loses the cache).</summary>
    public void Save(IReadOnlyList<string?> digests, IReadOnlyList<int> counts)
    {
        var text = new StringBuilder(_firstLine).Append('\n');
        for (var i = 0; i < digests.Count; i++)
        {
            if (digests[i] is { } digest)
            {
                text.Append(digest).Append('\t').Append(counts[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        var temporary = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the next build's head start is lost.
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void Read(string path, string firstLine, Dictionary<string, int> known)
    {
        try
        {
            if (!File.Exists(path))
            {
                return;
            }

            using var reader = new StreamReader(path, Encoding.UTF8);
            if (reader.ReadLine() != firstLine)
            {
                return;
            }

            while (reader.ReadLine() is { } line)
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0 || !int.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    known.Clear();
                    return;
                }

                known[line[..tab]] = count;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            known.Clear();
        }
    }
}
