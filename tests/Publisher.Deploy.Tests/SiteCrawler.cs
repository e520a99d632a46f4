using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Publisher.Deploy.Tests;

/// <summary>
/// Follows every internal link and asset from start pages: HTML <c>href</c>/<c>src</c>/<c>action</c>, CSS
/// <c>url()</c>, Atom and sitemap links and the <c>Sitemap:</c> line of robots.txt. Absolute links to the
/// public address are mapped onto the local server, so canonical and feed URLs are checked too.
/// </summary>
public sealed partial class SiteCrawler(HttpClient client, Uri publicBase, Uri localBase)
{
    private readonly HtmlParser _parser = new();
    private readonly Dictionary<Uri, HttpStatusCode> _visited = [];

    /// <summary>Every URL fetched, with its status.</summary>
    public IReadOnlyDictionary<Uri, HttpStatusCode> Visited => _visited;

    /// <summary>Every broken or escaping link as "referrer -> link: problem".</summary>
    public List<string> Problems { get; } = [];

    public async Task CrawlAsync(params string[] starts)
    {
        var queue = new Queue<(Uri Url, string Referrer)>(starts.Select(s => (new Uri(localBase, s), "(start)")));
        while (queue.Count > 0)
        {
            var (url, referrer) = queue.Dequeue();
            if (_visited.ContainsKey(url))
            {
                continue;
            }

            using var response = await client.GetAsync(url);
            _visited[url] = response.StatusCode;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Problems.Add($"{referrer} -> {url.AbsolutePath}: {(int)response.StatusCode}");
                continue;
            }

            var type = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            var text = type is "text/html" or "text/css" or "application/xml" or "text/plain" ? await response.Content.ReadAsStringAsync() : string.Empty;
            foreach (var link in Links(type, text, url))
            {
                if (Internal(url, link) is { } target && !_visited.ContainsKey(target))
                {
                    queue.Enqueue((target, url.AbsolutePath));
                }
            }
        }
    }

    private IEnumerable<string> Links(string type, string text, Uri url)
    {
        switch (type)
        {
            case "text/html":
                var document = _parser.ParseDocument(text);
                foreach (var element in document.QuerySelectorAll("[href], [src], form[action]"))
                {
                    foreach (var name in new[] { "href", "src", "action" })
                    {
                        if (element.GetAttribute(name) is { } value)
                        {
                            yield return value;
                        }
                    }
                }

                foreach (var meta in document.QuerySelectorAll("meta[property='og:url'], meta[property='og:image']"))
                {
                    yield return meta.GetAttribute("content") ?? string.Empty;
                }

                break;
            case "text/css":
                foreach (Match match in CssUrl().Matches(text))
                {
                    yield return match.Groups["url"].Value;
                }

                break;
            case "application/xml":
                var xml = XDocument.Parse(text);
                foreach (var element in xml.Descendants())
                {
                    if (element.Name.LocalName == "link" && element.Attribute("href") is { } href)
                    {
                        yield return href.Value;
                    }
                    else if (element.Name.LocalName is "loc" or "id" && element.Value.StartsWith("http", StringComparison.Ordinal))
                    {
                        yield return element.Value;
                    }
                }

                break;
            case "text/plain" when url.AbsolutePath.EndsWith("robots.txt", StringComparison.Ordinal):
                foreach (var line in text.Split('\n').Where(l => l.StartsWith("Sitemap:", StringComparison.Ordinal)))
                {
                    yield return line["Sitemap:".Length..].Trim();
                }

                break;
        }
    }

    /// <summary>The local URL to fetch for a link found on <paramref name="page"/>, or null for external links.</summary>
    private Uri? Internal(Uri page, string link)
    {
        if (link.Length == 0 || link.StartsWith('#') || link.StartsWith("mailto:", StringComparison.Ordinal) ||
            link.StartsWith("data:", StringComparison.Ordinal) || link.StartsWith("tel:", StringComparison.Ordinal))
        {
            return null;
        }

        Uri target;
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            if (absolute.Host == publicBase.Host)
            {
                if (!absolute.AbsolutePath.StartsWith(publicBase.AbsolutePath, StringComparison.Ordinal))
                {
                    Problems.Add($"{page.AbsolutePath} -> {link}: leaves the base path {publicBase.AbsolutePath}");
                    return null;
                }

                target = new Uri(localBase, absolute.PathAndQuery);
            }
            else if (absolute.Authority == localBase.Authority)
            {
                target = absolute;
            }
            else
            {
                return null;
            }
        }
        else
        {
            target = new Uri(page, link);
        }

        // Fragments and query strings address the same file.
        return new Uri(target.GetLeftPart(UriPartial.Path));
    }

    [GeneratedRegex(@"url\(\s*['""]?(?<url>[^'"")]+)['""]?\s*\)")]
    private static partial Regex CssUrl();
}
