using System.Globalization;
using Publisher.Content.Markdown;
using Publisher.Content.Model;
using Publisher.Core.Caching;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;

namespace Publisher.Content.Modules;

/// <summary>
/// Renders the Markdown body into a <see cref="MarkdownBody"/> (<see cref="ContentKeys.Body"/>). In an
/// incremental build a source the previous build rendered (same bytes, same fingerprint) is not rendered now:
/// its plain text and its warnings come from the build notes, and its HTML is made only if a page needs it.
/// </summary>
public sealed class RenderMarkdown : SyncModule
{
    private const char Separator = '\u001f';

    /// <summary>
    /// Starts readying the sanitizer on another thread when a body this build will render holds raw HTML or an
    /// entity: its first use loads and compiles HtmlSanitizer and AngleSharp (about 0.18 s of CPU), and when that
    /// body came last (the site's own pages follow the reports) the other core sat idle through it.
    /// </summary>
    protected override void Prepare(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        foreach (var input in inputs)
        {
            if (!input.IsContentDeferred && MarkdownRenderer.MayHoldRawHtml(input.Content))
            {
                context.GetService<MarkdownRenderer>().PrepareSanitizer();
                return;
            }
        }
    }

    /// <inheritdoc />
    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var renderer = context.GetService<MarkdownRenderer>();
        var item = input.GetRequired<ContentItem>(ContentKeys.Item);
        var start = new SourceSpan(input.Source, input.Get<int>(ContentKeys.BodyLine));
        var tableLabel = item.Language == "en" ? "Table" : "表格";
        var notes = context.OutputCache?.Notes;
        var key = notes is not null && input.Get<string>(ContentKeys.SourceHash) is { } sourceHash
            ? ContentHash.OfParts([context.OutputCache!.Fingerprint, nameof(RenderMarkdown), sourceHash, tableLabel])
            : null;
        // The text of a source this build did not read (deferred content) is read only if a page needs its HTML.
        var markdown = input.IsContentDeferred ? null : input.Content;
        string Markdown() => markdown ?? input.Content;
        MarkdownBody body;
        if (key is not null && notes!.TryRecallText(key + ":text", out var plainText) && notes.TryRecall(key + ":removed", out var removedNote))
        {
            var (removed, removedAt) = ParseRemoved(removedNote);
            WarnRemoved(context, start, removed, removedAt);
            body = new MarkdownBody(() => renderer.Render(Markdown(), tableLabel, start), plainText);
        }
        else
        {
            var rendered = renderer.Render(Markdown(), tableLabel, start);
            WarnRemoved(context, start, rendered.Removed, rendered.RemovedAt);
            body = context.Spill is { } spill ? new MarkdownBody(rendered, spill) : new MarkdownBody(rendered);
            if (key is not null)
            {
                // The note of a spilled body is the plain text where it already waits, not a second copy of it.
                if (body.SpilledPlainText is { } spilled)
                {
                    notes!.Note(key + ":text", spilled);
                }
                else
                {
                    notes!.Note(key + ":text", rendered.PlainText);
                }

                notes.Note(key + ":removed", FormatRemoved(rendered));
            }
        }

        return input.WithMetadata(ContentKeys.Body, body).WithContent(string.Empty);
    }

    private static void WarnRemoved(IExecutionContext context, SourceSpan start, IReadOnlyList<string> removed, (int Line, int Column) at)
    {
        if (removed.Count > 0)
        {
            context.Diagnostics.Warning(
                "PUB0902",
                start with { Line = start.Line + at.Line, Column = at.Column + 1 },
                $"HTML that could run script or break the site's security policy was removed: {string.Join(", ", removed)}.",
                "Delete it from the Markdown. Pages keep plain HTML (tables, links, lists); scripts, event handlers, styles, forms and javascript:/data: links are never published, and iframes only from hosts listed in iframeHosts of site.config.json.");
        }
    }

    /// <summary>"line,column" then each removed item, separated by U+001F; empty when nothing was removed.</summary>
    private static string FormatRemoved(RenderedMarkdown rendered) =>
        rendered.Removed.Length == 0
            ? string.Empty
            : string.Join(Separator, [string.Create(CultureInfo.InvariantCulture, $"{rendered.RemovedAt.Line},{rendered.RemovedAt.Column}"), .. rendered.Removed]);

    private static (string[] Removed, (int Line, int Column) At) ParseRemoved(string note)
    {
        if (note.Length == 0)
        {
            return ([], (0, 0));
        }

        var parts = note.Split(Separator);
        var at = parts[0].Split(',');
        return (parts[1..], (int.Parse(at[0], CultureInfo.InvariantCulture), int.Parse(at[1], CultureInfo.InvariantCulture)));
    }
}
