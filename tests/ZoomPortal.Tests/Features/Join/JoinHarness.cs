using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Features.Join.Sdk;
using ZoomPortal.Tests.Features.Meetings;
using ZoomPortal.Tests.Infrastructure;
using Bunit;
using ZoomPortal.Zoom;

namespace ZoomPortal.Tests.Features.Join;

/// <summary>A JoinService and its attempt recorder over a migrated in-memory database, a counting Zoom clock, a fake Zoom API and collected logs.</summary>
internal sealed class JoinHarness : IAsyncDisposable
{
    public const long MeetingId = 84512345671;
    public const string Zak = "zak-SECRET-never-shown-1234";
    public const string Passcode = "pass-SECRET-481516";

    private readonly ServiceProvider _services;

    private JoinHarness(TestDatabase database, JoinOptions options)
    {
        Database = database;
        var protection = new EphemeralDataProtectionProvider();
        Protector = protection.CreateProtector(MeetingCatalogSync.PasscodeProtectorPurpose);
        _services = new ServiceCollection().AddSingleton<IZoomApi>(Zoom).BuildServiceProvider();
        var sdk = Options.Create(new MeetingSdkOptions { ClientId = SandboxSdkCredentials.ClientId, ClientSecret = SandboxSdkCredentials.ClientSecret });
        Signer = new MeetingSignatureSigner(sdk, Clock, new FakeLogger<MeetingSignatureSigner>(Logs));
        Recorder = new JoinAttemptRecorder(database, Options.Create(options), Time, new FakeLogger<JoinAttemptRecorder>(Logs));
        Limits = new JoinLimits(Options.Create(options), Time);
        Service = new JoinService(database, new MeetingAccess(), Signer, Clock, Recorder, Limits, Options.Create(options), _services.GetRequiredService<IServiceScopeFactory>(),
            protection, new FakeLogger<JoinService>(Logs));
    }

    public TestDatabase Database { get; }

    public IDataProtector Protector { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));

    public CountingZoomClock Clock { get; } = new();

    public ZakZoomApi Zoom { get; } = new();

    public MeetingSignatureSigner Signer { get; }

    public JoinService Service { get; }

    public JoinAttemptRecorder Recorder { get; }

    public JoinLimits Limits { get; }

    /// <summary>Every log record of the service, the recorder and the signer, at every level.</summary>
    public FakeLogCollector Logs { get; } = new();

    /// <summary>What an operator could read in the logs: each message and each structured value.</summary>
    public string LogText => string.Join('\n', Logs.GetSnapshot().SelectMany(r =>
        new[] { r.Message }.Concat(r.StructuredState?.Select(p => p.Value ?? string.Empty) ?? [])));

    public static async Task<JoinHarness> CreateAsync(JoinOptions? options = null, bool withPasscode = false)
    {
        var database = await TestDatabase.CreateAsync();
        var harness = new JoinHarness(database, options ?? new JoinOptions());
        var meeting = MeetingData.Entity(MeetingId, "Weekly team sync", new DateTime(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc), hostEmail: "hana@example.com");
        meeting.ProtectedPasscode = withPasscode ? harness.Protector.Protect(Passcode) : null;
        var hidden = MeetingData.Entity(MeetingId + 1, "Board only", new DateTime(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc), visibility: MeetingVisibility.Groups, groups: "board");
        await database.SeedAsync(meeting, hidden);
        return harness;
    }

    /// <summary>
    /// A bUnit context for the join page over this harness (its service, recorder, clock and database, the meetings
    /// catalog and schedule), signed in as Ada, with the page's module answering as Chrome on Linux.
    /// </summary>
    public PortalBunitContext PageContext(JoinOptions options, MeetingsOptions? meetings = null)
    {
        var ctx = new PortalBunitContext(services =>
        {
            services.AddSingleton(Service);
            services.AddSingleton(Recorder);
            services.AddSingleton(Options.Create(options));
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton(new ZoomSdkAssets(Options.Create(new ZoomSdkOptions { Version = "6.2.0", UseStandIn = true })));
            AddMeetingServices(services, meetings);
        });
        ctx.Authorization.SetAuthorized("Ada Attendee")
            .SetClaims(new Claim(PortalClaimTypes.UserId, "user-ada"), new Claim(PortalClaimTypes.Email, "ada@example.com"));
        return ctx;
    }

    /// <summary>What the join page reads of the meetings feature (the catalog over this database, the schedule).</summary>
    public void AddMeetingServices(IServiceCollection services, MeetingsOptions? meetings = null)
    {
        services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<ZoomPortal.Data.PortalDbContext>>(Database);
        services.AddSingleton<MeetingAccess>();
        services.AddSingleton<MeetingCatalogNotifier>();
        services.AddSingleton(Options.Create(meetings ?? new MeetingsOptions()));
        services.AddSingleton<MeetingCatalog>();
        services.AddSingleton<MeetingSchedule>();
    }

    /// <summary>The page's module as Chrome on Linux would answer, with the browser's clock 1.5 s ahead.</summary>
    public BunitJSModuleInterop SetupModule(PortalBunitContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var module = ctx.JSInterop.SetupModule("./src/Features/Join/JoinMeetingPage.razor.js");
        module.Setup<BrowserChecks>("checkBrowser").SetResult(new BrowserChecks(true, true, ChromeOnLinux));
        module.Setup<long>("now").SetResult(Time.GetUtcNow().ToUnixTimeMilliseconds() + 1500);
        module.SetupVoid("preload").SetVoidResult();
        return module;
    }

    public const string ChromeOnLinux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

    public static ClaimsPrincipal User(string id, string email, string name = "Ada Attendee") =>
        new(new ClaimsIdentity(
            [new Claim(PortalClaimTypes.UserId, id), new Claim(PortalClaimTypes.Email, email), new Claim(PortalClaimTypes.Name, name)],
            "test", PortalClaimTypes.Name, PortalClaimTypes.Role));

    public static ClaimsPrincipal Attendee => User("user-ada", "ada@example.com");

    /// <summary>The meeting's host: the Host role and an e-mail her provider verified (the host-mapping rule).</summary>
    public static ClaimsPrincipal Host => PortalPrincipalFactory.Create(
        "user-hana", "Hana Host", "hana@example.com", [PortalRoles.Attendee, PortalRoles.Host], [], PortalPrincipalFactory.OidcMethod, emailVerified: true);

    public async ValueTask DisposeAsync()
    {
        Limits.Dispose();
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Zoom's clock with a known estimate; counts re-measurements and moves on a second per signature.</summary>
    internal sealed class CountingZoomClock : IZoomClock
    {
        private DateTimeOffset _now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

        public int Measurements { get; private set; }

        public ZoomClockEstimate Current { get; private set; } = new(TimeSpan.FromSeconds(-3), TimeSpan.FromMilliseconds(40), DateTimeOffset.UnixEpoch, 5);

        public DateTimeOffset ZoomNow() => _now = _now.AddSeconds(1);

        public Task<ZoomClockEstimate> MeasureAsync(CancellationToken cancellationToken)
        {
            Measurements++;
            Current = Current with { Offset = TimeSpan.FromSeconds(-7) };
            return Task.FromResult(Current);
        }
    }

    internal sealed class ZakZoomApi : IZoomApi
    {
        public List<string> ZakRequests { get; } = [];

        public Task<string> GetZakAsync(string userId, CancellationToken cancellationToken)
        {
            ZakRequests.Add(userId);
            return Task.FromResult(Zak);
        }

        public Task<IReadOnlyList<ZoomMeetingSummary>> ListMeetingsAsync(string userId, ZoomMeetingListType type, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ZoomMeeting> GetMeetingAsync(long meetingId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ZoomUser>> ListUsersAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
