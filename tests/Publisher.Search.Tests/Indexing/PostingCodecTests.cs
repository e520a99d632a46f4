using CsCheck;
using Publisher.Search.Indexing;

namespace Publisher.Search.Tests.Indexing;

public sealed class PostingCodecTests
{
    [Fact]
    public void Should_ReadBackThePostings_When_AnyListIsEncoded()
    {
        // Given
        var postings = Gen.Select(Gen.Int[0, 2_000_000].Array[0, 200], Gen.Int[1, PostingCodec.MaxImpact])
            .Select((ids, impact) => ids.Distinct().Order().Select(id => (id, impact)).ToList());

        // When / Then
        postings.Sample(list => Assert.Equal(list, PostingCodec.Decode(PostingCodec.Encode(list))));
    }

    [Fact]
    public void Should_CostTwoCharactersADocument_When_TermIsInEveryDocument()
    {
        // Given
        var everyDocument = Enumerable.Range(0, 1000).Select(id => (id, 7)).ToList();

        // When
        var text = PostingCodec.Encode(everyDocument);

        // Then
        Assert.Equal(2000, text.Length);
    }

    [Fact]
    public void Should_RefuseText_When_ItIsNotAPostingList()
    {
        // Given
        const string Broken = "A{";

        // When
        var error = Record.Exception(() => PostingCodec.Decode(Broken));

        // Then
        Assert.IsType<FormatException>(error);
    }
}
