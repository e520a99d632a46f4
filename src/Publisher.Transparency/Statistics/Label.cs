namespace Publisher.Transparency.Statistics;

/// <summary>A label of the statistics tables in Chinese (the official wording) and English.</summary>
/// <param name="Zh">The official Chinese wording.</param>
/// <param name="En">An English rendering.</param>
public sealed record Label(string Zh, string En)
{
    /// <summary>The label in a language: Chinese for any <c>zh*</c> language, English otherwise.</summary>
    public string In(string language) => language.StartsWith("zh", StringComparison.Ordinal) ? Zh : En;
}
