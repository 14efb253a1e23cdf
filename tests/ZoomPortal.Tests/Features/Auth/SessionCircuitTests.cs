using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ZoomPortal.Data;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Auth.Sessions;
using ZoomPortal.Tests.Infrastructure;

namespace ZoomPortal.Tests.Features.Auth;

/// <summary>An open page (a circuit) loses its user when its session ends, here at once and elsewhere within the revalidation interval.</summary>
public sealed class SessionCircuitTests : IClassFixture<AuthenticationTests.DevelopmentApp>
{
    private readonly PortalAppFactory _app;

    public SessionCircuitTests(AuthenticationTests.DevelopmentApp app) => _app = app.Factory;

    private PortalSessionStore Store => _app.Services.GetRequiredService<PortalSessionStore>();

    [Fact]
    public async Task Signing_out_everywhere_on_this_instance_makes_the_circuit_anonymous_at_once()
    {
        var mine = await Store.StartAsync("circuit-user", "Cici Circuit", "development", CancellationToken.None);
        var other = await Store.StartAsync("circuit-other", "Otto Other", "development", CancellationToken.None);
        using var circuit = NewCircuit(TimeSpan.FromHours(1), mine.Id);
        using var othersCircuit = NewCircuit(TimeSpan.FromHours(1), other.Id);

        await Store.EndAllForUserAsync("circuit-user", PortalSessionEnd.SignedOutEverywhere, CancellationToken.None);

        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.True((await othersCircuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task A_session_ended_by_another_instance_ends_the_circuit_within_the_revalidation_interval()
    {
        var session = await Store.StartAsync("circuit-elsewhere", "Elsa Elsewhere", "development", CancellationToken.None);
        using var circuit = NewCircuit(TimeSpan.FromSeconds(1), session.Id);
        var ended = new TaskCompletionSource();
        circuit.AuthenticationStateChanged += async state =>
        {
            if ((await state).User.Identity?.IsAuthenticated != true)
            {
                ended.TrySetResult();
            }
        };

        // Another instance writes straight to the shared database; this instance's store raises no event.
        var dbFactory = _app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.PortalSessions.Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, DateTime.UtcNow).SetProperty(s => s.EndReason, PortalSessionEnd.EndedByAdmin));
        }

        // Cache (5 s) + one revalidation interval (1 s), with room for a busy machine.
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task A_database_that_does_not_answer_keeps_the_circuits_user_until_it_answers_again()
    {
        // Revalidation's base class signs the user out on any exception: a busy or restarting database must not.
        var session = await Store.StartAsync("circuit-db-down", "Dana Down", "development", CancellationToken.None);
        var unreachable = new PortalSessionStore(
            new UnansweringDbFactory(),
            new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()),
            Options.Create(new SessionOptions()),
            TimeProvider.System,
            NullLogger<PortalSessionStore>.Instance);
        using var circuit = new SessionAuthenticationStateProvider(
            NullLoggerFactory.Instance, unreachable, Options.Create(new SessionOptions { RevalidationInterval = TimeSpan.FromMilliseconds(200) }));
        var changed = 0;
        circuit.AuthenticationStateChanged += _ => Interlocked.Increment(ref changed);
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PortalClaimTypes.UserId, "u"), new Claim(PortalClaimTypes.SessionId, session.Id)], PortalPrincipalFactory.AuthenticationType)))));

        // Several revalidations, each failing to reach the database.
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.True((await circuit.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.Equal(1, Volatile.Read(ref changed));
    }

    private sealed class UnansweringDbFactory : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => throw new TimeoutException("The database did not answer.");

        public Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            Task.FromException<PortalDbContext>(new TimeoutException("The database did not answer."));
    }

    [Fact]
    public async Task A_session_past_its_absolute_lifetime_is_not_active()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new PortalSessionStore(
            _app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()),
            Options.Create(new SessionOptions { AbsoluteLifetime = TimeSpan.FromHours(12) }),
            time,
            NullLogger<PortalSessionStore>.Instance);
        var session = await store.StartAsync("lifetime-user", "Lou Lifetime", "development", CancellationToken.None);
        Assert.True(await store.IsActiveAsync(session.Id, CancellationToken.None));

        time.Advance(TimeSpan.FromHours(12));

        Assert.False(await store.IsActiveAsync(session.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-session")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("<script>alert(1)</script>AAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_missing_malformed_or_unknown_session_id_is_not_active(string? sessionId) =>
        Assert.False(await Store.IsActiveAsync(sessionId, CancellationToken.None));

    private SessionAuthenticationStateProvider NewCircuit(TimeSpan revalidation, string sessionId)
    {
        var provider = new SessionAuthenticationStateProvider(
            NullLoggerFactory.Instance, Store, Options.Create(new SessionOptions { RevalidationInterval = revalidation }));
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(PortalClaimTypes.UserId, "u"), new Claim(PortalClaimTypes.SessionId, sessionId)], PortalPrincipalFactory.AuthenticationType));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return provider;
    }
}
