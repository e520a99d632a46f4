using System.Text.Json;
using System.Text.RegularExpressions;
using Publisher.Content.FrontMatter;
using Publisher.Testing;
using YamlDotNet.RepresentationModel;

namespace Publisher.Cli.Tests;

// No JSON Schema validator is available from this environment's NuGet registry (JsonSchema.Net's dependencies
// are missing), so these tests keep the schemas in step with the parser and check the sample content against
// the schema's field names, enums and patterns.
public sealed class SchemaTests
{
    private static JsonElement Schema(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schemas", name))).RootElement;

    private static SortedSet<string> Properties(JsonElement schema) =>
        new(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);

    [Fact]
    public void Should_ListExactlyTheFieldsTheParserKnows_When_TheFrontMatterSchemaIsRead()
    {
        // Given
        var schema = Schema("front-matter.schema.json");

        // When
        var properties = Properties(schema);

        // Then
        Assert.Equal(new SortedSet<string>(ContentItemParser.KnownFields, StringComparer.Ordinal), properties);
        var kinds = schema.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(ContentItemParser.Kinds.Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_DescribeEverySetting_When_TheSampleSettingsAreRead()
    {
        // Given
        var properties = Properties(Schema("site.config.schema.json"));
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "site.config.json")));

        // When
        var missing = config.RootElement.EnumerateObject().Select(p => p.Name).Where(n => !properties.Contains(n)).ToList();

        // Then
        Assert.Empty(missing);
        Assert.Equal("./schemas/site.config.schema.json", config.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Should_AcceptEverySampleDocument_When_ItsFrontMatterIsComparedWithTheSchema()
    {
        // Given
        var schema = Schema("front-matter.schema.json").GetProperty("properties");
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "content"), "*.md", SearchOption.AllDirectories).ToList();
        var problems = new List<string>();

        // When
        foreach (var file in files)
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text[4..end]));
            foreach (var (key, value) in ((YamlMappingNode)yaml.Documents[0].RootNode).Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                if (!schema.TryGetProperty(name, out var property))
                {
                    problems.Add($"{file}: '{name}' is not in the schema");
                }
                else if (value is YamlScalarNode scalar && property.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.GetString() == scalar.Value))
                {
                    problems.Add($"{file}: {name} '{scalar.Value}' is not allowed by the schema");
                }
                else if (value is YamlScalarNode text2 && property.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text2.Value!, pattern.GetString()!))
                {
                    problems.Add($"{file}: {name} '{text2.Value}' does not match {pattern}");
                }
            }
        }

        // Then
        Assert.NotEmpty(files);
        Assert.Empty(problems);
    }
}
