using Publisher.Content.FrontMatter;
using Publisher.Content.Model;
using Publisher.Core.Diagnostics;

namespace Publisher.Import.Tests;

internal static class ImportHelper
{
    public static DocumentImporter CreateImporter()
    {
        var diagnostics = new List<Diagnostic>();
        var offices = OfficeRecords.Load(TestPaths.Offices, diagnostics);
        Assert.Empty(diagnostics);
        return new DocumentImporter(offices);
    }

    public static (ContentItem? Item, List<Diagnostic> Diagnostics) ParseWithSiteParser(ImportResult result)
    {
        var diagnostics = new List<Diagnostic>();
        var relative = $"{result.Metadata.Office}/{result.Metadata.Year}/{result.Slug}.md";
        var location = ContentLocation.Parse(relative, relative, ["zh-CN", "en"]);
        var parts = FrontMatterSplitter.Split(result.Markdown, relative);
        var mapping = YamlDocumentReader.ReadMapping(parts.Yaml, relative, parts.YamlLine);
        var item = ContentItemParser.Parse(mapping, location, parts.YamlLine, diagnostics);
        return (item, diagnostics);
    }
}
