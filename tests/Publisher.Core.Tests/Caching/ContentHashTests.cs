using Publisher.Core.Caching;

namespace Publisher.Core.Tests.Caching;

public sealed class ContentHashTests
{
    [Fact]
    public void Should_TellPartsApart_When_TheirJoinedTextIsTheSame()
    {
        Assert.NotEqual(ContentHash.OfParts(["ab", "c"]), ContentHash.OfParts(["a", "bc"]));
        Assert.NotEqual(ContentHash.OfParts(["a", string.Empty]), ContentHash.OfParts(["a"]));
        Assert.Equal(ContentHash.OfParts(["街道", "2021"]), ContentHash.OfParts(["街道", "2021"]));
    }

    [Fact]
    public void Should_GiveTheSameKey_When_ALazySequenceOfPartsHashesOnItsWay()
    {
        // Given: parts whose making calls OfParts itself (as a LINQ selector might)
        var eager = new[] { "a", ContentHash.OfParts(["x", "1"]), "b", ContentHash.OfParts(["x", "2"]) };
        IEnumerable<string> Lazy()
        {
            yield return "a";
            yield return ContentHash.OfParts(["x", "1"]);
            yield return "b";
            yield return ContentHash.OfParts(["x", "2"]);
        }

        // When
        var key = ContentHash.OfParts(Lazy());

        // Then
        Assert.Equal(ContentHash.OfParts(eager), key);
        Assert.Equal(32, key.Length);
    }
}
