using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Components;

public sealed class CircuitLimitsTests
{
    [Fact]
    public async Task The_portal_keeps_disconnected_circuits_briefly_and_bounds_what_a_circuit_holds()
    {
        await using var app = new PortalAppFactory();

        var circuit = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(1), circuit.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(200, circuit.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(30), circuit.JSInteropDefaultCallTimeout);
        Assert.Equal(5, circuit.MaxBufferedUnacknowledgedRenderBatches);
    }

    [Fact]
    public async Task Settings_reach_the_circuits()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Circuits:DisconnectedRetention"] = "00:02:30",
            ["Circuits:MaxRetainedDisconnected"] = "50",
            ["Circuits:JSInteropTimeout"] = "00:00:45",
            ["Circuits:MaxUnacknowledgedRenderBatches"] = "3",
        });

        var circuit = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(150), circuit.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(50, circuit.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(45), circuit.JSInteropDefaultCallTimeout);
        Assert.Equal(3, circuit.MaxBufferedUnacknowledgedRenderBatches);
    }

    [Theory]
    [InlineData("Circuits:DisconnectedRetention", "01:00:00")]
    [InlineData("Circuits:MaxRetainedDisconnected", "-1")]
    [InlineData("Circuits:JSInteropTimeout", "00:00:01")]
    [InlineData("Circuits:MaxUnacknowledgedRenderBatches", "0")]
    public async Task A_setting_out_of_range_stops_start_up_and_names_the_key(string key, string value)
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Services);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
