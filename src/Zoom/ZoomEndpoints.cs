using Microsoft.Extensions.Options;

namespace ZoomPortal.Zoom;

/// <summary>Where the REST API and the OAuth server are: Zoom's, or the sandbox's once it listens.</summary>
internal interface IZoomEndpoints
{
    ValueTask<ZoomEndpointAddresses> GetAsync(CancellationToken cancellationToken);
}

/// <param name="ApiBaseUrl">Ends with a slash, e.g. <c>https://api.zoom.us/v2/</c>.</param>
/// <param name="OAuthBaseUrl">Ends with a slash, e.g. <c>https://zoom.us/</c>.</param>
internal sealed record ZoomEndpointAddresses(Uri ApiBaseUrl, Uri OAuthBaseUrl)
{
    public static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri.TrimEnd('/') + "/");
}

internal sealed class ConfiguredZoomEndpoints(IOptionsMonitor<ZoomOptions> options) : IZoomEndpoints
{
    public ValueTask<ZoomEndpointAddresses> GetAsync(CancellationToken cancellationToken)
    {
        var api = options.CurrentValue.Api;
        return ValueTask.FromResult(new ZoomEndpointAddresses(
            ZoomEndpointAddresses.WithTrailingSlash(api.BaseUrl),
            ZoomEndpointAddresses.WithTrailingSlash(api.OAuthUrl)));
    }
}
