namespace ZoomPortal.Zoom.Sandbox;

/// <summary>A host in the sandbox's account.</summary>
internal sealed record ZoomSandboxUser(string Id, string Email, string FirstName, string LastName, string Timezone)
{
    public string DisplayName => $"{FirstName} {LastName}";
}
