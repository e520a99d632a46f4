namespace Publisher.Import.Repair;

/// <summary>The repairs that work inside one paragraph, in the order they must run.</summary>
internal static class InlineRepair
{
    private const int MaximumPasses = 8;

    /// <summary>
    /// Look-alikes, then spacing, then punctuation, then spacing again; repeated until nothing changes, because
    /// one rule can expose work for another (a removed space makes a bracket Chinese), so a second import is a no-op.
    /// </summary>
    public static string Apply(string text)
    {
        for (var pass = 0; pass < MaximumPasses; pass++)
        {
            var next = CjkSpacing.Apply(PunctuationNormalizer.Apply(CjkSpacing.Apply(LookAlikeFixer.Apply(text))));
            if (next == text)
            {
                break;
            }

            text = next;
        }

        return text;
    }
}
