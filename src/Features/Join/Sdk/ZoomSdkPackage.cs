using System.Text.Json;

namespace ZoomPortal.Features.Join.Sdk;

/// <summary>
/// The <c>@zoom/meetingsdk</c> package on disk: the copy a publish puts beside the app (<c>zoom-sdk/meetingsdk</c>)
/// or, in development, <c>node_modules/@zoom/meetingsdk</c> (restored by the build's <c>npm ci</c>).
/// </summary>
internal sealed class ZoomSdkPackage
{
    public const string PublishedFolder = "zoom-sdk/meetingsdk";
    public const string NodeModulesFolder = "node_modules/@zoom/meetingsdk";

    private ZoomSdkPackage(string contentRoot, string? root, string? version)
    {
        ContentRoot = contentRoot;
        Root = root;
        Version = version;
    }

    public string ContentRoot { get; }

    /// <summary>The package folder (it holds <c>package.json</c> and <c>dist/</c>); null when not found.</summary>
    public string? Root { get; }

    /// <summary>The package's version; null when not found.</summary>
    public string? Version { get; }

    public bool Exists => Root is not null;

    public string? DistFolder => Root is null ? null : Path.Combine(Root, "dist");

    /// <summary>The published copy if present, else node_modules; <see cref="Exists"/> is false when neither is there.</summary>
    public static ZoomSdkPackage Locate(string contentRoot)
    {
        foreach (var folder in new[] { PublishedFolder, NodeModulesFolder })
        {
            var root = Path.GetFullPath(Path.Combine(contentRoot, folder));
            if (ReadVersion(Path.Combine(root, "package.json")) is { } version && Directory.Exists(Path.Combine(root, "dist")))
            {
                return new ZoomSdkPackage(contentRoot, root, version);
            }
        }

        return new ZoomSdkPackage(contentRoot, null, null);
    }

    private static string? ReadVersion(string packageJson)
    {
        if (!File.Exists(packageJson))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(packageJson));
            return document.RootElement.TryGetProperty("name", out var name) && name.ValueEquals("@zoom/meetingsdk") &&
                   document.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
