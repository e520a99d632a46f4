namespace Publisher.Site.Rendering;

/// <summary>The "page not found" page.</summary>
public sealed class NotFoundPageModel : PageModel;
