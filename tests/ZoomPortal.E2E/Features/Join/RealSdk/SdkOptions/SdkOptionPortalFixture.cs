using System.Globalization;
using ZoomPortal.E2E.Features.Join.ClockSkew;

namespace ZoomPortal.E2E.Features.Join.RealSdk.SdkOptions;

/// <summary>
/// The real Meeting SDK with the join page's SDK options, less those named in <see cref="LeftOut"/>
/// (<c>Zoom:Sdk:LeaveOut</c>, the diagnostics switch), so a test can observe what 6.2.0 does with and without each.
/// Two attempts at most and a join timeout long enough to see Zoom's own "Joining Meeting Timeout" dialog appear.
/// </summary>
public abstract class SdkOptionPortalFixture : SandboxJoinPortalFixture
{
    public const int MaxAttempts = 2;

    /// <summary>The SDK options the page leaves out (empty: all of them set, as in production).</summary>
    public abstract IReadOnlyList<string> LeftOut { get; }

    protected override IReadOnlyDictionary<string, string?> ScenarioSettings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Zoom:Sdk:UseStandIn"] = "false",
                // Long enough for a look at the page that made the attempt before the next one starts.
                ["Join:NetworkBackOff"] = "00:00:05",
                ["Join:RetryDelay"] = "00:00:05",
                ["Join:JoinTimeout"] = "00:01:00",
                ["Join:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
            };
            for (var i = 0; i < LeftOut.Count; i++)
            {
                settings[$"Zoom:Sdk:LeaveOut:{i}"] = LeftOut[i];
            }

            return settings;
        }
    }
}

/// <summary>Every option the page sets (the "with" runs).</summary>
public sealed class AllSdkOptionsPortalFixture : SdkOptionPortalFixture
{
    public override IReadOnlyList<string> LeftOut => [];
}

public sealed class NoJoiningErrorDialogOptionPortalFixture : SdkOptionPortalFixture
{
    public override IReadOnlyList<string> LeftOut => ["isShowJoiningErrorDialog"];
}

public sealed class NoDisablePreviewOptionPortalFixture : SdkOptionPortalFixture
{
    public override IReadOnlyList<string> LeftOut => ["disablePreview"];
}

/// <summary>6.2.0 turns disablePreview on whenever isShowJoiningErrorDialog is false: leaving out both shows what the preview does.</summary>
public sealed class NoDialogNoPreviewOptionsPortalFixture : SdkOptionPortalFixture
{
    public override IReadOnlyList<string> LeftOut => ["isShowJoiningErrorDialog", "disablePreview"];
}

public sealed class NoRetryCallbackOptionPortalFixture : SdkOptionPortalFixture
{
    public override IReadOnlyList<string> LeftOut => ["onRetryCallback"];
}
