using System.Globalization;
using Publisher.Content;
using Publisher.Content.FrontMatter;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Transparency.Statistics;
using YamlDotNet.RepresentationModel;

namespace Publisher.Transparency.Modules;

/// <summary>
/// Reads the <c>statistics:</c> block of each disclosure annual report into <see cref="TransparencyKeys.Statistics"/>.
/// Runs before <c>ParseDocuments</c>, on the raw file: a file whose front matter cannot be read is passed on
/// untouched, so that <c>ParseDocuments</c> reports that problem once. A source the build did not read, in which
/// the build that read it found neither statistics nor anything to warn of (a build note), is not read now.
/// </summary>
public sealed class ParseStatistics : SyncModule
{
    /// <summary>The kind of document that carries statistics.</summary>
    public const string ReportKind = "disclosure-annual-report";

    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var notes = context.OutputCache?.Notes;
        var key = notes is not null && input.Get<string>(ContentKeys.SourceHash) is { } sourceHash
            ? ContentHash.OfParts([context.OutputCache!.Fingerprint, nameof(ParseStatistics), sourceHash])
            : null;
        if (key is not null && input.IsContentDeferred && notes!.TryRecall(key, out _))
        {
            // A source this build did not read, in which the build that read it found nothing to say.
            return input;
        }

        var output = Parse(input, input.Content, context, out var foundNothing);
        if (key is not null && foundNothing)
        {
            notes!.Note(key, string.Empty);
        }

        return output;
    }

    /// <summary>Reads the statistics; <paramref name="foundNothing"/> when there were none and nothing to warn of.</summary>
    private static Document Parse(Document input, string content, IExecutionContext context, out bool foundNothing)
    {
        foundNothing = true;

        // Most documents are not annual disclosure reports: skip the second YAML parse for them.
        if (!content.Contains(ReportKind, StringComparison.Ordinal) && !content.Contains("statistics:", StringComparison.Ordinal))
        {
            return input;
        }

        YamlMappingNode mapping;
        int yamlLine;
        try
        {
            var parts = FrontMatterSplitter.Split(content, input.Source);
            mapping = YamlDocumentReader.ReadMapping(parts.Yaml, input.Source, parts.YamlLine);
            yamlLine = parts.YamlLine;
        }
        catch (ContentException)
        {
            return input;
        }

        var kind = Value(mapping, "kind") as YamlScalarNode;
        var statistics = Value(mapping, "statistics");
        if (kind?.Value != ReportKind)
        {
            if (statistics is not null && kind is not null)
            {
                foundNothing = false;
                context.Diagnostics.Add(new Diagnostic(
                    DiagnosticSeverity.Warning,
                    "PUB1007",
                    YamlDocumentReader.Locate(statistics, input.Source, yamlLine - 1),
                    $"'statistics' is only read for kind: {ReportKind}; this document is kind: {kind.Value}.",
                    $"Set kind: {ReportKind} or remove the block."));
            }

            return input;
        }

        foundNothing = false;
        if (statistics is null)
        {
            context.Diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Warning,
                "PUB1008",
                YamlDocumentReader.Locate(kind, input.Source, yamlLine - 1),
                "this disclosure annual report has no 'statistics' block, so its figures are not shown as tables, compared or published as data.",
                "Copy tables 二, 三 and 四 of the report into a 'statistics:' block (README: 'Transparency data'); `publisher import` fills it where it can read the tables."));
            return input;
        }

        var year = Value(mapping, "year") is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
        var diagnostics = new List<Diagnostic>();
        var result = StatisticsReader.Read(statistics, input.Source, yamlLine - 1, year, diagnostics);
        diagnostics.ForEach(context.Diagnostics.Add);
        return result is null ? input : input.WithMetadata(TransparencyKeys.Statistics, result);
    }

    private static YamlNode? Value(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: { } name } && name == key).Value;
}
