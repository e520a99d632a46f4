using System.Text;
using Publisher.Search.Tokenization;

namespace Publisher.Search.Tests.Tokenization;

public sealed class TermScannerTests
{
    [Fact]
    public void Should_MapEachCharWiseCharacterAsNormalizingWouldDo()
    {
        // Given
        var characters = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(TermScanner.CharWise.Contains).ToList();

        // When
        var wrong = characters.Where(c => c.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant() != TermScanner.Map(c).ToString()).ToList();

        // Then
        Assert.True(characters.Count > 27000, $"{characters.Count} char-wise characters");
        Assert.Empty(wrong);
    }

    [Fact]
    public void Should_NormalizeTheWholeText_When_ACharacterDependsOnItsNeighbours()
    {
        // Given
        const string Text = "cafe\u0301 ﬁle";

        // When
        var terms = Tokenizer.IndexTerms(Text).ToList();

        // Then
        Assert.Equal(["café", "file", "café file"], terms);
    }
}
