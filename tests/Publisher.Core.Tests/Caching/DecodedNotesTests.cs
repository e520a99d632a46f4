using Publisher.Core.Caching;

namespace Publisher.Core.Tests.Caching;

public sealed class DecodedNotesTests
{
    [Fact]
    public void Should_Decode_A_Note_Once_And_Give_The_Same_Value_To_The_Next_Build()
    {
        // Given
        var decoded = new DecodedNotes();
        var decodings = 0;
        string? Decode(ReadOnlySpan<char> note)
        {
            decodings++;
            return note.ToString().ToUpperInvariant();
        }

        decoded.StartBuild();
        var first = decoded.GetOrDecode("key", "title", Decode);

        // When
        decoded.StartBuild();
        var second = decoded.GetOrDecode("key", "title", Decode);

        // Then
        Assert.Equal("TITLE", first);
        Assert.Same(first, second);
        Assert.Equal(1, decodings);
    }

    [Fact]
    public void Should_Drop_A_Value_That_A_Whole_Build_Did_Not_Ask_For()
    {
        // Given
        var decoded = new DecodedNotes();
        decoded.StartBuild();
        decoded.GetOrDecode("key", "old", note => note.ToString());

        // When: one build that does not ask for it, then one that does
        decoded.StartBuild();
        decoded.StartBuild();
        var value = decoded.GetOrDecode("key", "new", note => note.ToString());

        // Then
        Assert.Equal("new", value);
        Assert.Equal(1, decoded.Count);
    }

    [Fact]
    public void Should_Not_Keep_A_Note_That_Does_Not_Decode()
    {
        // Given
        var decoded = new DecodedNotes();
        decoded.StartBuild();

        // When
        var value = decoded.GetOrDecode<string>("key", "damaged", _ => null);

        // Then
        Assert.Null(value);
        Assert.Equal(0, decoded.Count);
    }
}
