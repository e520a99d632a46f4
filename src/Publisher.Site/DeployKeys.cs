namespace Publisher.Site;

/// <summary>Metadata keys of the deployment features (fingerprinted assets, attachments, redirects).</summary>
public static class DeployKeys
{
    /// <summary>On a fingerprinted asset: the output path it replaces, such as <c>assets/css/site.css</c>.</summary>
    public const string AssetOriginal = nameof(AssetOriginal);

    /// <summary>On an attachment: its <see cref="Model.AttachmentInfo"/>.</summary>
    public const string Attachment = nameof(Attachment);

    /// <summary>On an attachment: the key of the document it belongs to.</summary>
    public const string AttachmentOf = nameof(AttachmentOf);
}
