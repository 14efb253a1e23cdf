using Bunit;
using Microsoft.JSInterop;
using ZoomPortal.Features.Attendance;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Attendance;

/// <summary>The join page's attendance reporter attaches to the join module exactly once per page.</summary>
public sealed class AttendanceReporterTests : PortalBunitContext
{
    private const string ModulePath = "./src/Features/Attendance/AttendanceReporter.razor.js";

    [Fact]
    public void Attaches_once_when_the_join_page_re_renders_while_the_module_loads()
    {
        // Loose interop answers "attach" with no handle, as when the join page re-renders (its browser checks, its
        // preload) before the attach has come back.
        var module = JSInterop.SetupModule(ModulePath);
        var reporter = Render<AttendanceReporter>(p => p.Add(x => x.JoinModule, new StandInJoinModule()).Add(x => x.MeetingId, 42L));
        reporter.Render(p => p.Add(x => x.MeetingId, 42L));
        reporter.Render(p => p.Add(x => x.MeetingId, 42L));

        // One attach, hence one hub connection and one report per event (a second attach reported every join twice).
        Assert.Single(module.Invocations["attach"]);
    }

    private sealed class StandInJoinModule : IJSObjectReference
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<IJSObjectReference> InvokeConstructorAsync(string identifier, object?[]? args) => throw new NotSupportedException();

        public ValueTask<IJSObjectReference> InvokeConstructorAsync(string identifier, CancellationToken cancellationToken, object?[]? args) => throw new NotSupportedException();

        public ValueTask<TValue> GetValueAsync<TValue>(string identifier) => throw new NotSupportedException();

        public ValueTask<TValue> GetValueAsync<TValue>(string identifier, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask SetValueAsync<TValue>(string identifier, TValue value) => throw new NotSupportedException();

        public ValueTask SetValueAsync<TValue>(string identifier, TValue value, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
