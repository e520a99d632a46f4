using CsCheck;
using Publisher.Search.Tests.Indexing;
using Publisher.Search.Tokenization;

namespace Publisher.Search.Tests.Tokenization;

public sealed class TokenizerTests
{
    [Fact]
    public void Should_IndexOverlappingBigramsAndSingleCharacters_When_TextIsChinese()
    {
        // Given
        const string Text = "依法行政";

        // When
        var terms = Tokenizer.IndexTerms(Text).ToList();

        // Then
        Assert.Equal(["依", "依法", "法", "法行", "行", "行政", "政"], terms);
    }

    [Fact]
    public void Should_AskForEveryBigram_When_QueryIsAChineseWord()
    {
        // Given
        const string Query = "依法行政";

        // When
        var terms = Tokenizer.Query(Query);

        // Then
        Assert.Equal(["依法", "法行", "行政"], terms.Required.ToArray());
        Assert.Equal("依法行政", terms.Highlights[0]);
    }

    [Fact]
    public void Should_AskForTheCharacter_When_QueryIsOneCharacter()
    {
        // Given
        const string Query = "法";

        // When
        var terms = Tokenizer.Query(Query);

        // Then
        Assert.Equal(["法"], terms.Required.ToArray());
    }

    [Fact]
    public void Should_StemAndLowerCaseWords_When_TextIsEnglish()
    {
        // Given
        const string Text = "Reports REPORTED reporting";

        // When
        var terms = Tokenizer.IndexTerms(Text).Where(t => !t.Contains(' ')).Distinct().ToList();

        // Then
        Assert.Equal(["report"], terms);
    }

    [Fact]
    public void Should_IndexAdjacentWordPairs_When_WordsAreSeparatedBySpacesOrHyphens()
    {
        // Given
        const string Text = "rule-of-law government. Next";

        // When
        var terms = Tokenizer.IndexTerms(Text).Where(t => t.Contains(' ')).ToList();

        // Then
        Assert.Equal(["rule of", "of law", "law government"], terms);
    }

    [Fact]
    public void Should_MakeFullWidthDigitsSearchable_When_QueryUsesAsciiDigits()
    {
        // Given
        const string Text = "２０２１年";

        // When
        var terms = Tokenizer.IndexTerms(Text).ToList();

        // Then
        Assert.Contains("2021", terms);
        Assert.Contains("年", terms);
    }

    [Theory]
    [InlineData("石办〔2020〕34号")]
    [InlineData("石办[2020]34号")]
    [InlineData("石办（2020）34 号")]
    [InlineData("石办〔２０２０〕３４号")]
    public void Should_GiveTheSameDocNumberKey_When_BracketsOrSpacesDiffer(string written)
    {
        // Given
        var original = Tokenizer.DocNumberKey("石办〔2020〕34号");

        // When
        var key = Tokenizer.DocNumberKey(written);

        // Then
        Assert.NotNull(original);
        Assert.Equal(original, key);
    }

    [Fact]
    public void Should_FindNothingToSearch_When_QueryIsOnlyPunctuation()
    {
        // Given
        const string Query = " 。，！? ";

        // When
        var terms = Tokenizer.Query(Query);

        // Then
        Assert.True(terms.IsEmpty);
    }

    [Fact]
    public void Should_GiveTheSameTermsAsTheReferenceTokenizer_When_TextIsAnyMix()
    {
        // Given
        var texts = TextTokens.Text(40);

        // When
        static void Check(string text) => Assert.Equal(ReferenceIndexWriter.IndexTerms(text), Tokenizer.IndexTerms(text));

        // Then
        texts.Sample(Check, iter: 3000, threads: 1, print: t => string.Concat(t.Select(c => c < 128 && c >= 32 ? c.ToString() : $"\\u{(int)c:X4}")));
    }
}
