using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ZoomPortal.Zoom.Sandbox;

/// <summary>
/// The sandbox's simulated Zoom account: hosts, meetings (seeded around the sandbox's "now"), their status, issued
/// ZAKs, and the fixed credentials the sandbox expects. Later features (the SDK stand-in) read it from DI.
/// </summary>
internal sealed class ZoomSandboxAccount
{
    public const string AccountId = "sandbox-account-id";
    public const string ClientId = "sandbox-s2s-client-id";

    /// <summary>Well known on purpose: it only opens the in-process sandbox.</summary>
    public const string ClientSecret = "sandbox-s2s-client-secret";

    /// <summary>The Meeting SDK key the sandbox expects in signatures (<c>Zoom:MeetingSdk:ClientId</c> in Sandbox mode).</summary>
    public const string MeetingSdkClientId = ZoomPortal.Features.Join.Signing.SandboxSdkCredentials.ClientId;

    /// <summary>The Meeting SDK secret the sandbox checks signatures with (<c>Zoom:MeetingSdk:ClientSecret</c> in Sandbox mode).</summary>
    public const string MeetingSdkClientSecret = ZoomPortal.Features.Join.Signing.SandboxSdkCredentials.ClientSecret;

    public const string Started = "started";
    public const string Waiting = "waiting";

    private readonly ConcurrentDictionary<long, string> _status = new();
    private readonly ConcurrentDictionary<string, string> _zaks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, string> _passcodes = new();

    public ZoomSandboxAccount(DateTimeOffset now)
    {
        SeededAt = now;
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        DateTimeOffset At(double hours) => minute.AddHours(hours);

        ZoomSandboxUser alex = new("sbxAlexHost0000000001a", "alex.host@example.com", "Alex", "Morgan", "Europe/Berlin");
        ZoomSandboxUser priya = new("sbxPriyaHost000000002b", "priya.host@example.com", "Priya", "Raman", "America/New_York");
        ZoomSandboxUser kenji = new("sbxKenjiHost000000003c", "kenji.host@example.com", "Kenji", "Sato", "Asia/Tokyo");
        ZoomSandboxUser olivia = new("sbxOliviaHost00000004d", "olivia.host@example.com", "Olivia", "Chen", "Australia/Sydney");
        Users = [alex, priya, kenji, olivia];

        Meetings =
        [
            One(84512345671, alex, "Weekly team sync", At(-12.0 / 60), 60, "Standing agenda: blockers, demos, next steps.", "481516", waitingRoom: false),
            One(84512345672, alex, "Quarterly planning", At(3), 90, "OKR review and Q3 priorities.", "Plan42", waitingRoom: true),
            One(84512345673, alex, "Customer onboarding: Contoso", At(-26), 45, null, "c0nt0so", waitingRoom: true),
            Recurring(84512345674, alex, "Design review", At(24), 60, "Weekly design critique.", null, weeks: 4),
            One(85598765431, priya, "Product demo for Fabrikam", At(0.75), 30, "Live demo of the portal.", "demo2024", waitingRoom: true),
            One(85598765432, priya, "All-hands", At(7 * 24), 60, "Company update.", "allhands", waitingRoom: false),
            One(85598765433, priya, "Support office hours", At(-5.0 / 60), 120, "Drop in with questions.", null, waitingRoom: false),
            One(85598765434, priya, "Sprint retrospective", At(-72), 60, null, "retro7", waitingRoom: false),
            One(86612345671, kenji, "Tokyo partner call", At(6), 45, "Partnership roadmap.", "tokyo88", waitingRoom: true),
            One(86612345672, kenji, "Release readiness", At(6 * 24), 30, null, null, waitingRoom: false),
            One(987654321012345, olivia, "Sydney town hall", At(2 * 24), 90, "Quarterly town hall for APAC.", "syd2026", waitingRoom: true),
            Recurring(87712345679, olivia, "Mentoring 1:1", At(-7 * 24 + 1), 30, "Fortnightly mentoring.", "mentor1", weeks: 4),
        ];

        MarkStarted(84512345671);
        MarkStarted(85598765433);
    }

    public DateTimeOffset SeededAt { get; }

    public IReadOnlyList<ZoomSandboxUser> Users { get; }

    public IReadOnlyList<ZoomSandboxMeeting> Meetings { get; }

    /// <summary>Finds a user the way Zoom does: by id or by e-mail address.</summary>
    public ZoomSandboxUser? FindUser(string idOrEmail) =>
        Users.FirstOrDefault(u => u.Id == idOrEmail || string.Equals(u.Email, idOrEmail, StringComparison.OrdinalIgnoreCase));

    public ZoomSandboxMeeting? FindMeeting(long id) => Meetings.FirstOrDefault(m => m.Id == id);

    /// <summary><c>started</c> while the host is in the meeting, <c>waiting</c> otherwise.</summary>
    public string StatusOf(long meetingId) => _status.GetValueOrDefault(meetingId, Waiting);

    public void MarkStarted(long meetingId) => _status[meetingId] = Started;

    public void MarkEnded(long meetingId) => _status[meetingId] = Waiting;

    /// <summary>The meeting's passcode now: the seeded one unless the host changed it in "Zoom" since.</summary>
    public string? PasscodeOf(long meetingId) =>
        _passcodes.TryGetValue(meetingId, out var changed) ? changed : FindMeeting(meetingId)?.Passcode;

    /// <summary>Changes a meeting's passcode, as a host can in Zoom at any time: the portal's catalog is then out of date.</summary>
    public void ChangePasscode(long meetingId, string passcode) => _passcodes[meetingId] = passcode;

    public string IssueZak(string userId)
    {
        var zak = "sbxzak." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        _zaks[zak] = userId;
        return zak;
    }

    /// <summary>The user a ZAK was issued to, or null when the sandbox never issued it.</summary>
    public string? UserOfZak(string zak) => _zaks.GetValueOrDefault(zak);

    private static ZoomSandboxMeeting One(long id, ZoomSandboxUser host, string topic, DateTimeOffset start, int minutes, string? agenda, string? passcode, bool waitingRoom) =>
        new(id, UuidOf(id), host.Id, topic, ZoomSandboxMeeting.Scheduled, start, minutes, host.Timezone, agenda, passcode,
            JoinBeforeHost: !waitingRoom, WaitingRoom: waitingRoom, Occurrences: []);

    private static ZoomSandboxMeeting Recurring(long id, ZoomSandboxUser host, string topic, DateTimeOffset first, int minutes, string? agenda, string? passcode, int weeks) =>
        new(id, UuidOf(id), host.Id, topic, ZoomSandboxMeeting.RecurringFixedTime, first, minutes, host.Timezone, agenda, passcode,
            JoinBeforeHost: false, WaitingRoom: true, Occurrences: [.. Enumerable.Range(0, weeks).Select(w => first.AddDays(7 * w))]);

    private static string UuidOf(long id)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, id);
        BitConverter.TryWriteBytes(bytes[8..], ~id);
        return Convert.ToBase64String(bytes);
    }
}
