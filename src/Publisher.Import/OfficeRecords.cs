using Publisher.Content.FrontMatter;
using Publisher.Content.Model;
using Publisher.Core.Diagnostics;

namespace Publisher.Import;

/// <summary>Loads the office records (content/offices/*.yml) the importer matches documents against.</summary>
public static class OfficeRecords
{
    /// <summary>The valid office records in <paramref name="folder"/>; problems go to <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<Office> Load(string folder, ICollection<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var offices = new List<Office>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            try
            {
                var mapping = YamlDocumentReader.ReadMapping(File.ReadAllText(file), file, 1);
                if (OfficeParser.Parse(mapping, file, ["zh-CN", "en"], diagnostics) is { } office)
                {
                    offices.Add(office);
                }
            }
            catch (ContentException ex)
            {
                diagnostics.Add(ex.Diagnostic);
            }
        }

        return offices;
    }
}
