using Publisher.Content.Configuration;
using Publisher.Core.Diagnostics;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Model;

namespace Publisher.Site.Modules;

/// <summary>
/// Fails the build when a page links to an internal page, image, attachment or asset that the build does not
/// produce. Runs in the post-process phase, when every pipeline's documents are known: the targets are the
/// destinations of this module's input and of the named pipelines, plus the theme's asset files. Each problem
/// names the page (its source file and, when the link is written there, the line and column) and the link.
/// A page streamed to disk already carries its links (<see cref="CollectLinks"/>); otherwise its content is scanned.
/// </summary>
/// <param name="targetPipelines">Pipelines whose outputs are valid link targets.</param>
public sealed class ValidateLinks(params string[] targetPipelines) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var targets = Targets(inputs, context, options);
        var site = new Uri(options.BaseUrl);
        var origin = site.GetLeftPart(UriPartial.Authority);
        var basePath = options.BasePath; // parsed from the base URL each time it is asked for
        var pages = inputs.Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Parallel.ForEach(
            pages,
            new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism, CancellationToken = context.CancellationToken },
            page => Check(page, targets, site, origin, basePath, context));
        return Task.FromResult(inputs);
    }

    private HashSet<string> Targets(IReadOnlyList<Document> inputs, IExecutionContext context, SiteOptions options)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in inputs.Concat(targetPipelines.SelectMany(context.GetOutputs)))
        {
            if (document.Destination.Length > 0)
            {
                targets.Add(document.Destination);
            }
        }

        var assets = Path.Combine(context.InputDirectory, options.ThemeDirectory, "assets");
        if (Directory.Exists(assets))
        {
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories))
            {
                targets.Add("assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/'));
            }
        }

        return targets;
    }

    private static void Check(Document page, HashSet<string> targets, Uri site, string origin, string basePath, IExecutionContext context)
    {
        var pageUri = new Uri(site, basePath + (page.Destination.EndsWith("index.html", StringComparison.Ordinal)
            ? page.Destination[..^"index.html".Length]
            : page.Destination));
        var links = page.Get<string[]>(SiteKeys.Links) ?? CollectLinks.Of(page.Content);
        foreach (var link in links)
        {
            var problem = Problem(link, pageUri, site, origin, basePath, targets);
            if (problem is not null)
            {
                context.Diagnostics.Error(
                    problem.Value.Code,
                    Locate(page, link, context.InputDirectory),
                    $"page '{page.Destination}' links to '{link}', {problem.Value.Message}.",
                    problem.Value.Hint);
            }
        }
    }

    private static (string Code, string Message, string Hint)? Problem(string link, Uri page, Uri site, string origin, string basePath, HashSet<string> targets)
    {
        if (link.Length == 0 || link[0] == '#' || link.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        // Most links are plain site paths ("/office-001/2019/report-1/", or the same after the site's origin):
        // Uri would keep them as they are, so they skip the two Uri objects and the unescaping (a 10k build checks
        // about 600,000 links; Uri parsing was 0.2 GB of its allocations).
        if (AbsoluteUrl.IsPlainPath(link))
        {
            return ProblemWithPath(link, basePath, targets);
        }

        if (link.StartsWith(origin, StringComparison.Ordinal) && AbsoluteUrl.IsPlainPath(link.AsSpan(origin.Length)))
        {
            return ProblemWithPath(link.AsSpan(origin.Length), basePath, targets);
        }

        var colon = link.IndexOf(':');
        var slash = link.IndexOf('/');
        var hasScheme = colon > 0 && (slash < 0 || colon < slash);
        if (hasScheme && !(Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Host == site.Host && absolute.Scheme is "http" or "https"))
        {
            // mailto:, tel:, data: and links to other hosts are not ours to check.
            return null;
        }

        var resolved = new Uri(page, link);
        return ProblemWithPath(Uri.UnescapeDataString(resolved.AbsolutePath), basePath, targets);
    }

    /// <summary>
    /// What is wrong with a link that resolves to the site path <paramref name="path"/>, if anything. Looked up
    /// without making a string of the path (a 10k build checks about 600,000 links, nearly all of them good; the
    /// path and its file name made 50 MB of its allocations).
    /// </summary>
    private static (string Code, string Message, string Hint)? ProblemWithPath(ReadOnlySpan<char> path, string basePath, HashSet<string> targets)
    {
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return ("PUB1102", $"which is outside the site's base path '{basePath}' and will not be found when the site is served there",
                "Write links relative to the page (../offices/) or let the templates build them with Link().");
        }

        var relative = path[basePath.Length..];
        if (Contains(targets, relative, relative.Length == 0 || relative[^1] == '/' ? "index.html" : string.Empty))
        {
            return null;
        }

        if (Contains(targets, relative, "/index.html"))
        {
            return ("PUB1103", "a folder without its trailing '/', which some static hosts do not redirect",
                "Add the trailing '/' to the link.");
        }

        return ("PUB1101", "which the build does not produce",
            "Check the spelling and the number of '../'; pages live at /<office>/<year>/<slug>/ and attachments beside their page.");
    }

    /// <summary>True when <paramref name="path"/> followed by <paramref name="suffix"/> is one of the targets.</summary>
    private static bool Contains(HashSet<string> targets, ReadOnlySpan<char> path, string suffix)
    {
        var lookup = targets.GetAlternateLookup<ReadOnlySpan<char>>();
        var length = path.Length + suffix.Length;
        if (length > 1024)
        {
            return lookup.Contains(string.Concat(path, suffix));
        }

        Span<char> joined = stackalloc char[length];
        path.CopyTo(joined);
        suffix.CopyTo(joined[path.Length..]);
        return lookup.Contains(joined);
    }

    /// <summary>The page's source file, with the line and column of the link when the source contains it.</summary>
    private static SourceSpan Locate(Document page, string link, string inputDirectory)
    {
        if (page.Source.Length == 0)
        {
            return new SourceSpan($"(generated page {page.Destination})");
        }

        var path = Path.Combine(inputDirectory, page.Source);
        if (!File.Exists(path))
        {
            return new SourceSpan(page.Source);
        }

        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(link, StringComparison.Ordinal);
            if (column >= 0)
            {
                return new SourceSpan(page.Source, i + 1, column + 1);
            }
        }

        return new SourceSpan(page.Source);
    }
}
