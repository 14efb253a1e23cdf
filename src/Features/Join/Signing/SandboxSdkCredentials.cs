namespace ZoomPortal.Features.Join.Signing;

/// <summary>
/// The fixed Meeting SDK credentials of Sandbox mode. The Zoom sandbox verifies signatures with the same values,
/// so they are public by design and refused in Live mode.
/// </summary>
public static class SandboxSdkCredentials
{
    public const string ClientId = "sandbox-sdk-key";

    public const string ClientSecret = "sandbox-sdk-secret-not-for-production";
}
