using Publisher.Search.Indexing;
using Publisher.Search.Querying;

namespace Publisher.Search.Tests;

/// <summary>Writes an index of documents to a real folder and opens it as the CLI does.</summary>
internal static class TestIndex
{
    public static SearchDocument Doc(string title, string body, string office = "ganquan-road", int year = 2021, string kind = "annual-report", string? docNumber = null) => new()
    {
        Url = "/" + office + "/" + year + "/" + Math.Abs(title.GetHashCode(StringComparison.Ordinal)) + "/",
        Title = title,
        Body = body,
        Office = office,
        OfficeName = office,
        Year = year,
        Kind = kind,
        KindName = kind,
        DocNumber = docNumber,
    };

    public static SearchIndex Open(Publisher.Testing.TempDirectory folder, params SearchDocument[] documents)
    {
        foreach (var file in IndexWriter.Write(documents))
        {
            folder.Write(file.Path, file.Content);
        }

        return SearchIndex.Open(folder.Path);
    }
}
