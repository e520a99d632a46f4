namespace Publisher.Site;

/// <summary>Metadata keys this project sets on documents.</summary>
public static class SiteKeys
{
    /// <summary>The Razor template that renders a page document.</summary>
    public const string Template = nameof(Template);

    /// <summary>The <see cref="Rendering.PageModel"/> of a page document.</summary>
    public const string PageModel = nameof(PageModel);

    /// <summary>The distinct link targets (href, src, action) a rendered page contains, for link validation.</summary>
    public const string Links = nameof(Links);
}
