namespace Publisher.Search.Tokenization;

/// <summary>Receives the terms <see cref="TermScanner"/> finds, without a string per term.</summary>
internal interface ITermSink
{
    /// <summary>A CJK character (a unigram term); <paramref name="text"/> is its normalised text.</summary>
    void Character(int codePoint, ReadOnlySpan<char> text);

    /// <summary>Two adjacent CJK characters (a bigram term); <paramref name="text"/> is their normalised text.</summary>
    void Bigram(int first, int second, ReadOnlySpan<char> text);

    /// <summary>
    /// A run of word characters, normalised but not yet stemmed; <paramref name="followsWord"/> is true when only
    /// spaces or hyphens separate it from the previous word, so the pair term is due.
    /// </summary>
    void Word(ReadOnlySpan<char> word, bool followsWord);
}
