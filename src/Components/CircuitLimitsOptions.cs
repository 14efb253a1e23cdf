using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components.Server;

namespace ZoomPortal.Components;

/// <summary>
/// What a Blazor circuit may hold on to, bound from the <c>Circuits</c> section and applied to <see cref="CircuitOptions"/>.
/// Circuits exist only on the interactive pages (join, live roster, host, admin); the reasons for each default are in the README.
/// </summary>
public sealed class CircuitLimitsOptions
{
    public const string SectionName = "Circuits";

    /// <summary>How long a disconnected circuit is kept for its browser to come back (framework default 3 min).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00", ErrorMessage = "Circuits:DisconnectedRetention must be between 00:00:10 and 00:10:00.")]
    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most disconnected circuits kept at once; older ones are dropped first (framework default 100).</summary>
    [Range(0, 10_000, ErrorMessage = "Circuits:MaxRetainedDisconnected must be between 0 and 10000.")]
    public int MaxRetainedDisconnected { get; set; } = 200;

    /// <summary>How long a call from the server into the browser may take before it fails (framework default 1 min).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00", ErrorMessage = "Circuits:JSInteropTimeout must be between 00:00:05 and 00:05:00.")]
    public TimeSpan JSInteropTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Render batches a slow browser may leave unacknowledged before the server waits (framework default 10).</summary>
    [Range(1, 100, ErrorMessage = "Circuits:MaxUnacknowledgedRenderBatches must be between 1 and 100.")]
    public int MaxUnacknowledgedRenderBatches { get; set; } = 5;

    public void ApplyTo(CircuitOptions circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        circuit.DisconnectedCircuitRetentionPeriod = DisconnectedRetention;
        circuit.DisconnectedCircuitMaxRetained = MaxRetainedDisconnected;
        circuit.JSInteropDefaultCallTimeout = JSInteropTimeout;
        circuit.MaxBufferedUnacknowledgedRenderBatches = MaxUnacknowledgedRenderBatches;
    }
}
