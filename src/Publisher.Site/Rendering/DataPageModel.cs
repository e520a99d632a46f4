namespace Publisher.Site.Rendering;

/// <summary>The open-data page: the files and their data dictionary.</summary>
public sealed class DataPageModel : PageModel
{
    /// <summary>Years with statistics, newest first.</summary>
    public required IReadOnlyList<int> Years { get; init; }
}
