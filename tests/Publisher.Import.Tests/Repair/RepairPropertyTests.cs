using CsCheck;
using Publisher.Import.Repair;

namespace Publisher.Import.Tests.Repair;

public sealed class RepairPropertyTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["甘泉路街道年月日一二三口工力 ,.:;()（），。：；0123456789abcXYZロー\n"], 0, 80];

    [Fact]
    public void Should_NeverLoseAChineseCharacter_When_RepairingText()
    {
        // Given / When / Then
        Text.Sample(text =>
        {
            var repaired = InlineRepair.Apply(text);
            var before = text.Where(CjkText.IsHan).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
            return before.All(pair => repaired.Count(c => c == pair.Key) >= pair.Value);
        });
    }

    [Fact]
    public void Should_NeverLoseAChineseCharacter_When_JoiningLines()
    {
        // Given / When / Then
        Gen.Select(Text, Text).Sample((left, right) =>
            CjkText.CountHan(LineJoiner.Join(left, right)) == CjkText.CountHan(left) + CjkText.CountHan(right));
    }

    [Fact]
    public void Should_ChangeNothing_When_RepairingRepairedText()
    {
        // Given / When / Then
        Text.Sample(text =>
        {
            var once = InlineRepair.Apply(text);
            return InlineRepair.Apply(once) == once;
        });
    }
}
