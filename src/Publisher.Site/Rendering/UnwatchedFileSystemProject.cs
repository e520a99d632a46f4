using RazorLight.Razor;

namespace Publisher.Site.Rendering;

/// <summary>
/// RazorLight's file-system project without change tokens. The stock project asks a <c>PhysicalFileProvider</c> to
/// watch every template it reads, which starts a <c>FileSystemWatcher</c> thread; a build reads each template once
/// and a new build makes a new renderer, so nothing would ever listen to those tokens.
/// </summary>
internal sealed class UnwatchedFileSystemProject(string root) : FileSystemRazorProject(root)
{
    /// <inheritdoc />
    public override Task<RazorLightProjectItem> GetItemAsync(string templateKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateKey);
        if (!templateKey.EndsWith(Extension, StringComparison.Ordinal))
        {
            templateKey += Extension;
        }

        return Task.FromResult<RazorLightProjectItem>(new FileSystemRazorProjectItem(templateKey, new FileInfo(GetAbsoluteFilePathFromKey(templateKey))));
    }
}
