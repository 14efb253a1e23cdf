using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ZoomPortal.Features.Attendance;

namespace ZoomPortal.Tests.Features.Attendance;

public sealed class ClientGoneFilterTests
{
    [Fact]
    public async Task A_call_cancelled_because_its_connection_closed_is_logged_at_debug_and_answers_nothing()
    {
        var logger = new FakeLogger<ClientGoneFilter>();
        var filter = new ClientGoneFilter(logger);
        using var closed = new CancellationTokenSource();
        await closed.CancelAsync();

        var answer = await filter.InvokeMethodAsync(Invocation(closed.Token), _ => throw new TaskCanceledException());

        Assert.Null(answer);
        var entry = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains("Report", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_failures_and_a_cancellation_on_a_live_connection_still_reach_signalr()
    {
        var filter = new ClientGoneFilter(new FakeLogger<ClientGoneFilter>());
        using var closed = new CancellationTokenSource();
        await closed.CancelAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await filter.InvokeMethodAsync(Invocation(closed.Token), _ => throw new InvalidOperationException("database")));
        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
            await filter.InvokeMethodAsync(Invocation(CancellationToken.None), _ => throw new OperationCanceledException()));
        Assert.Equal("answer", await filter.InvokeMethodAsync(Invocation(closed.Token), _ => ValueTask.FromResult<object?>("answer")));
    }

    private static HubInvocationContext Invocation(CancellationToken aborted) =>
        new(new Caller(aborted), new EmptyServices(), new Placeholder(), typeof(AttendanceHub).GetMethod(nameof(AttendanceHub.Report))!, [null]);

    private sealed class Caller(CancellationToken aborted) : HubCallerContext
    {
        public override string ConnectionId => "conn-1";
        public override string? UserIdentifier => null;
        public override ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => aborted;

        public override void Abort()
        {
        }
    }

    private sealed class Placeholder : Hub;

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
