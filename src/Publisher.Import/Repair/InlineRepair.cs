namespace Publisher.Import.Repair;

/// <summary>The repairs that work inside one paragraph, in the order they must run.</summary>
internal static class InlineRepair
{
    /// <summary>Look-alikes, then spacing, then punctuation, then spacing again (punctuation can expose spaces).</summary>
    public static string Apply(string text) =>
        CjkSpacing.Apply(PunctuationNormalizer.Apply(CjkSpacing.Apply(LookAlikeFixer.Apply(text))));
}
