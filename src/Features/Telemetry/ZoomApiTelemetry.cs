using System.Diagnostics;

namespace ZoomPortal.Features.Telemetry;

/// <summary>
/// Wraps one call to Zoom's REST or OAuth API (retries included) in a client span and records its status and latency.
/// <paramref name="endpoint"/> names the template ("GET /users/{userId}/meetings"), never the ids in the URL.
/// </summary>
internal sealed class ZoomApiTelemetry(PortalMetrics metrics, TimeProvider time)
{
    public async Task<HttpResponseMessage> SendAsync(string endpoint, Func<Task<HttpResponseMessage>> send)
    {
        using var activity = PortalActivities.Source.StartActivity($"Zoom {endpoint}", ActivityKind.Client);
        activity?.SetTag("zoom.endpoint", endpoint);
        var started = time.GetTimestamp();
        try
        {
            var response = await send();
            var status = (int)response.StatusCode;
            metrics.ZoomApiCalled(endpoint, status, time.GetElapsedTime(started));
            activity?.SetTag("http.response.status_code", status);
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(ActivityStatusCode.Error, $"HTTP {status}");
            }

            return response;
        }
        catch (Exception ex)
        {
            metrics.ZoomApiCalled(endpoint, 0, time.GetElapsedTime(started));
            // The type only: messages can quote URLs.
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
