namespace ZoomPortal.Zoom.Sandbox;

/// <summary>The in-process Zoom sandbox used when <c>Zoom:Mode</c> is Sandbox. Bound from <c>Zoom:Sandbox</c>.</summary>
public sealed class ZoomSandboxOptions
{
    /// <summary>
    /// Outside Development the sandbox runs only when this is true: it hands a ZAK to any local process that knows its
    /// well-known credentials, so it must never be switched on in production by a stray <c>Zoom:Mode</c>.
    /// </summary>
    public bool AllowOutsideDevelopment { get; set; }

    /// <summary>The sandbox's clock minus the server's (e.g. 00:07:00 or -00:03:00), to rehearse clock skew.</summary>
    public TimeSpan ClockSkew { get; set; }

    /// <summary>
    /// Extra skew applied only when the SDK stand-in's joins are checked, not to the Date header the portal measures:
    /// Zoom's web servers disagreeing with the clock its API shows (a load balancer's stale node). E.g. -00:30:00
    /// keeps every fresh signature "in the future" however often the portal re-measures.
    /// </summary>
    public TimeSpan JoinClockSkew { get; set; }

    /// <summary>
    /// How many joins that Zoom's web service accepted then fail to reach the meeting servers, as behind a firewall or
    /// proxy that blocks them: the stand-in fails as the SDK does (Component View: code 200 "connection error"; Client
    /// View: no callback, so the portal's join timeout). 0 to 1000.
    /// </summary>
    public int ConnectionErrors { get; set; }

    /// <summary>Loopback port of the sandbox's HTTP listener; 0 takes any free port.</summary>
    public int Port { get; set; }

    /// <summary>Largest page the sandbox returns, whatever page_size asks, so that paging is exercised.</summary>
    public int PageSize { get; set; } = 5;

    /// <summary>Lifetime of the sandbox's OAuth access tokens (Zoom: one hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Scopes the sandbox pretends the app lacks (e.g. <c>meeting:read:admin</c>).</summary>
    public IList<string> MissingScopes { get; } = [];

    /// <summary>Failures the sandbox answers with first, in order.</summary>
    public IList<ZoomSandboxFault> Faults { get; } = [];
}
