using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Publisher.Content.Configuration;
using Publisher.Core.Documents;
using Publisher.Core.Execution;
using Publisher.Core.Modules;
using Publisher.Site.Model;
using Publisher.Site.Rendering;

namespace Publisher.Site.Modules;

/// <summary>
/// Keeps old addresses working: each <c>aliases:</c> entry of a document becomes, in every language, a small
/// page that sends the reader on with <c>&lt;meta http-equiv="refresh"&gt;</c> (no script, so the strict CSP holds),
/// names the new address as canonical and links to it; and a line of <c>_redirects</c> (Netlify, Cloudflare
/// Pages) so hosts that read it answer with a real 301. An alias that collides with a page or another alias
/// fails the build at the alias.
/// </summary>
public sealed class GenerateRedirects : IModule
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var options = context.GetService<SiteOptions>();
        var strings = context.GetService<IReadOnlyDictionary<string, UiStrings>>();
        var site = SiteModelFactory.Create(context);
        var urls = new SiteUrls(options.BasePath, options.DefaultLanguage);
        var taken = inputs.Select(d => d.Destination).ToHashSet(StringComparer.Ordinal);
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        var pages = new List<Document>();
        var lines = new List<string>();
        foreach (var document in site.Documents.Concat(site.Pages))
        {
            foreach (var (alias, location) in document.Item.Aliases)
            {
                var path = alias.TrimStart('/');
                foreach (var language in options.Languages)
                {
                    var destination = urls.OutputFile(language, path);
                    if (taken.Contains(destination))
                    {
                        context.Diagnostics.Error("PUB1122", location, $"alias '{alias}' is the address of an existing page ('{destination}').", "Remove the alias: that address already shows a page.");
                        break;
                    }

                    if (!claimed.TryAdd(destination, document.Item.Source))
                    {
                        context.Diagnostics.Error("PUB1123", location, $"alias '{alias}' is also claimed by {claimed[destination]}.", "Keep the alias on one document only.");
                        break;
                    }

                    var target = urls.Link(language, document.Path);
                    var title = document.TitleIn(language, options.DefaultLanguage);
                    pages.Add(new Document
                    {
                        Source = document.Item.Source,
                        Destination = destination,
                        Content = Page(language, title, target, AbsoluteUrl.Of(options.BaseUrl, target), strings[language]),
                    });
                    lines.Add($"{urls.Link(language, path)} {target} 301");
                }
            }
        }

        var redirects = new Document
        {
            Destination = "_redirects",
            Content = string.Concat(lines.Order(StringComparer.Ordinal).Select(l => l + "\n")),
        };
        return Task.FromResult<IReadOnlyList<Document>>([.. inputs, .. pages, redirects]);
    }

    private static string Page(string language, (string Text, string Language) title, string target, string canonical, UiStrings t)
    {
        var lang = title.Language == language ? string.Empty : $" lang=\"{Html.Encode(title.Language)}\"";
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n")
            .Append($"<html lang=\"{Html.Encode(language)}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title{lang}>{Html.Encode(title.Text)}</title>\n")
            .Append("<meta name=\"robots\" content=\"noindex\">\n")
            .Append($"<link rel=\"canonical\" href=\"{Html.Encode(canonical)}\">\n")
            .Append($"<meta http-equiv=\"refresh\" content=\"0; url={Html.Encode(target)}\">\n")
            .Append("</head>\n<body>\n")
            .Append($"<p>{Html.Encode(t["redirect.moved"])} <a href=\"{Html.Encode(target)}\"{lang}>{Html.Encode(title.Text)}</a></p>\n")
            .Append("</body>\n</html>\n")
            .ToString();
    }
}
