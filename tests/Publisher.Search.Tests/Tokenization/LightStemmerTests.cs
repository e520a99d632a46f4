using Publisher.Search.Tokenization;

namespace Publisher.Search.Tests.Tokenization;

public sealed class LightStemmerTests
{
    // Examples from Porter (1980), "An algorithm for suffix stripping", step 1.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agree")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflate")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    public void Should_StripEndingsAsPorterStepOne_When_WordIsEnglish(string word, string stem)
    {
        // Given
        var input = word;

        // When
        var result = LightStemmer.Stem(input);

        // Then
        Assert.Equal(stem, result);
    }

    [Theory]
    [InlineData("policy", "policies")]
    [InlineData("report", "reporting")]
    [InlineData("publish", "published")]
    public void Should_BringInflectionsTogether_When_ReadersTypeAnotherForm(string typed, string written)
    {
        // Given
        var query = LightStemmer.Stem(typed);

        // When
        var indexed = LightStemmer.Stem(written);

        // Then
        Assert.Equal(query, indexed);
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("café")]
    [InlineData("is")]
    public void Should_LeaveWordUnchanged_When_ItIsNotAPlainEnglishWord(string word)
    {
        // Given
        var input = word;

        // When
        var result = LightStemmer.Stem(input);

        // Then
        Assert.Equal(word, result);
    }
}
