using System.Collections.Immutable;
using System.Text.Json;
using Publisher.Core.Diagnostics;

namespace Publisher.Content.Configuration;

/// <summary>Reads <c>site.config.json</c> into <see cref="SiteOptions"/>, reporting mistakes with line and column.</summary>
public static class SiteOptionsLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Loads the file; on error throws a <see cref="ContentException"/> naming the position.</summary>
    public static SiteOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ContentException("PUB0010", new SourceSpan(path), "the site settings file does not exist.", "Pass --config with the path of site.config.json.");
        }

        try
        {
            var file = JsonSerializer.Deserialize<SiteConfigFile>(File.ReadAllText(path), Json)
                ?? throw new ContentException("PUB0011", new SourceSpan(path, 1, 1), "the site settings file is empty.", "Write a JSON object such as { \"baseUrl\": \"https://example.org/\" }.");
            return Validate(path, file);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            throw new ContentException("PUB0011", new SourceSpan(path, line, column), $"the site settings are not valid JSON for Publisher: {ex.Message}", "Check the JSON syntax and the setting names in the README.");
        }
    }

    private static SiteOptions Validate(string path, SiteConfigFile file)
    {
        var options = new SiteOptions();
        var languages = file.Languages is { Length: > 0 } ? file.Languages.ToImmutableArray() : options.Languages;
        var defaultLanguage = file.DefaultLanguage ?? languages[0];
        if (!languages.Contains(defaultLanguage))
        {
            throw new ContentException("PUB0012", new SourceSpan(path), $"defaultLanguage '{defaultLanguage}' is not listed in languages.", "Add it to \"languages\".");
        }

        var baseUrl = file.BaseUrl ?? options.BaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
        {
            throw new ContentException("PUB0013", new SourceSpan(path), $"baseUrl '{baseUrl}' is not an absolute URL.", "Write it as https://host/ or https://host/path/.");
        }

        return options with
        {
            Title = (file.Title ?? []).ToImmutableSortedDictionary(StringComparer.Ordinal),
            BaseUrl = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/",
            DefaultLanguage = defaultLanguage,
            Languages = [defaultLanguage, .. languages.Where(l => l != defaultLanguage)],
            ContentDirectory = file.Content ?? options.ContentDirectory,
            ThemeDirectory = file.Theme ?? options.ThemeDirectory,
            OutputDirectory = file.Output ?? options.OutputDirectory,
            IframeHosts = file.IframeHosts?.ToImmutableArray() ?? options.IframeHosts,
            MaxFileBytes = file.MaxFileBytes ?? options.MaxFileBytes,
            EditorLanguage = file.EditorLanguage ?? options.EditorLanguage,
        };
    }

    private sealed record SiteConfigFile(
        Dictionary<string, string>? Title,
        string? BaseUrl,
        string? DefaultLanguage,
        string[]? Languages,
        string? Content,
        string? Theme,
        string? Output,
        string[]? IframeHosts,
        long? MaxFileBytes,
        string? EditorLanguage = null)
    {
        [System.Text.Json.Serialization.JsonPropertyName("$schema")]
        public string? Schema { get; init; }
    }
}
