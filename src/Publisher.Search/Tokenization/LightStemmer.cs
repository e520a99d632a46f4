namespace Publisher.Search.Tokenization;

/// <summary>
/// Step 1 of Porter's English stemmer (plurals, <c>-ed</c>, <c>-ing</c>, final <c>y</c>): enough to make
/// "reports", "reported" and "reporting" meet "report", without the heavier suffix stripping that merges
/// unrelated words. Hand-written because no stemmer package is on the NuGet registry reachable here
/// (Porter2StemmerStandard: "no versions available"), and because the browser's <c>search.js</c> must stem
/// exactly the same way: this file and the <c>stem</c> function there are kept line for line alike.
/// </summary>
public static class LightStemmer
{
    /// <summary>Stems a lower-case ASCII word; other words (and words of two letters or fewer) are returned unchanged.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !IsAsciiLetters(word))
        {
            return word;
        }

        var w = Step1A(word);
        w = Step1B(w);
        return Step1C(w);
    }

    private static string Step1A(string w)
    {
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.EndsWith("ss", StringComparison.Ordinal))
        {
            return w;
        }

        return w.EndsWith('s') ? w[..^1] : w;
    }

    private static string Step1B(string w)
    {
        if (w.EndsWith("eed", StringComparison.Ordinal))
        {
            return Measure(w[..^3]) > 0 ? w[..^1] : w;
        }

        string stem;
        if (w.EndsWith("ed", StringComparison.Ordinal) && HasVowel(w[..^2]))
        {
            stem = w[..^2];
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && HasVowel(w[..^3]))
        {
            stem = w[..^3];
        }
        else
        {
            return w;
        }

        if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
        {
            return stem + "e";
        }

        var n = stem.Length;
        if (n >= 2 && stem[n - 1] == stem[n - 2] && IsConsonant(stem, n - 1) && stem[n - 1] is not ('l' or 's' or 'z'))
        {
            return stem[..^1];
        }

        return Measure(stem) == 1 && EndsCvc(stem) ? stem + "e" : stem;
    }

    private static string Step1C(string w) =>
        w.EndsWith('y') && HasVowel(w[..^1]) ? w[..^1] + "i" : w;

    private static bool IsAsciiLetters(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsConsonant(string w, int i) => w[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(w, i - 1),
        _ => true,
    };

    private static bool HasVowel(string w)
    {
        for (var i = 0; i < w.Length; i++)
        {
            if (!IsConsonant(w, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Porter's m: the number of vowel-consonant sequences.</summary>
    private static int Measure(string w)
    {
        var m = 0;
        var previousVowel = false;
        for (var i = 0; i < w.Length; i++)
        {
            var vowel = !IsConsonant(w, i);
            if (!vowel && previousVowel)
            {
                m++;
            }

            previousVowel = vowel;
        }

        return m;
    }

    /// <summary>Consonant-vowel-consonant at the end, the last not w, x or y.</summary>
    private static bool EndsCvc(string w)
    {
        var n = w.Length;
        return n >= 3 && IsConsonant(w, n - 1) && !IsConsonant(w, n - 2) && IsConsonant(w, n - 3) && w[n - 1] is not ('w' or 'x' or 'y');
    }
}
