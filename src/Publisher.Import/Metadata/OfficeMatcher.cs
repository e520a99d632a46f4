using Publisher.Content.Model;

namespace Publisher.Import.Metadata;

/// <summary>Finds the office record whose Chinese name or short name a piece of text contains.</summary>
internal sealed class OfficeMatcher(IReadOnlyList<Office> offices)
{
    /// <summary>The offices known to the site.</summary>
    public IReadOnlyList<Office> Offices { get; } = offices;

    /// <summary>The office named in <paramref name="text"/> (the longest name wins), or null.</summary>
    public Office? Match(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Offices
            .SelectMany(office => Names(office).Select(name => (office, name)))
            .Where(pair => text.Contains(pair.name, StringComparison.Ordinal))
            .OrderByDescending(pair => pair.name.Length)
            .ThenBy(pair => pair.office.Id, StringComparer.Ordinal)
            .Select(pair => pair.office)
            .FirstOrDefault();
    }

    /// <summary>The office named most often in <paramref name="text"/>, or null.</summary>
    public Office? MostMentioned(string text) =>
        Offices
            .Select(office => (office, count: Names(office).Max(name => Count(text, name))))
            .Where(pair => pair.count > 0)
            .OrderByDescending(pair => pair.count)
            .ThenBy(pair => pair.office.Id, StringComparer.Ordinal)
            .Select(pair => pair.office)
            .FirstOrDefault();

    /// <summary>The office with id <paramref name="id"/>, or null.</summary>
    public Office? ById(string id) => Offices.FirstOrDefault(office => office.Id == id);

    private static IEnumerable<string> Names(Office office) =>
        new[] { office.Name.In("zh-CN"), office.ShortName.In("zh-CN") }.Where(name => name.Length >= 2);

    private static int Count(string text, string name)
    {
        var count = 0;
        for (var index = text.IndexOf(name, StringComparison.Ordinal); index >= 0; index = text.IndexOf(name, index + name.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
