using Publisher.Content.FrontMatter;
using Publisher.Content.Model;
using Publisher.Core.Diagnostics;

namespace Publisher.Content.Tests.FrontMatter;

/// <summary>Runs one file's text through the same steps a build uses: split, YAML, typed fields.</summary>
internal static class ContentFile
{
    public static (ContentItem? Item, List<Diagnostic> Diagnostics) Parse(string text, string relative = "ganquan-road/2021/report.md")
    {
        var source = "content/" + relative;
        var diagnostics = new List<Diagnostic>();
        try
        {
            var parts = FrontMatterSplitter.Split(text, source);
            var mapping = YamlDocumentReader.ReadMapping(parts.Yaml, source, parts.YamlLine);
            var location = ContentLocation.Parse(source, relative, ["zh-CN", "en"]);
            return (ContentItemParser.Parse(mapping, location, parts.YamlLine, diagnostics), diagnostics);
        }
        catch (ContentException ex)
        {
            diagnostics.Add(ex.Diagnostic);
            return (null, diagnostics);
        }
    }
}
