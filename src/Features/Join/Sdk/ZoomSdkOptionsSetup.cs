using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ZoomPortal.Zoom;

namespace ZoomPortal.Features.Join.Sdk;

/// <summary>Fills in the version (from the package) and the stand-in default (from the mode), then checks the settings.</summary>
internal sealed partial class ZoomSdkOptionsSetup(ZoomSdkPackage package, IOptions<ZoomOptions> zoom)
    : IPostConfigureOptions<ZoomSdkOptions>, IValidateOptions<ZoomSdkOptions>
{
    public void PostConfigure(string? name, ZoomSdkOptions options)
    {
        options.UseStandIn ??= zoom.Value.Mode == ZoomMode.Sandbox;
        if (string.IsNullOrWhiteSpace(options.Version))
        {
            options.Version = package.Version;
        }
    }

    public ValidateOptionsResult Validate(string? name, ZoomSdkOptions options)
    {
        var failures = new List<string>();
        var sandbox = zoom.Value.Mode == ZoomMode.Sandbox;
        if (options.UseStandIn == true && !sandbox)
        {
            failures.Add("Zoom:Sdk:UseStandIn can be true only when Zoom:Mode is Sandbox: the stand-in is part of the Zoom sandbox.");
        }

        if (!Enum.IsDefined(options.AssetSource))
        {
            failures.Add("Zoom:Sdk:AssetSource must be SelfHosted or ZoomCdn.");
        }

        if (package.Version is { } shipped && !string.Equals(options.Version, shipped, StringComparison.Ordinal))
        {
            failures.Add($"Zoom:Sdk:Version is {options.Version} but the portal ships @zoom/meetingsdk {shipped}; leave Zoom:Sdk:Version empty (the version comes from package-lock.json).");
        }
        else if (options.Version is { Length: > 0 } version && !VersionFormat().IsMatch(version))
        {
            failures.Add("Zoom:Sdk:Version must look like 6.2.0.");
        }

        var needsRealSdk = options.UseStandIn != true;
        if (needsRealSdk && options.AssetSource == ZoomSdkAssetSource.SelfHosted && !package.Exists)
        {
            failures.Add(
                $"Zoom:Sdk:AssetSource is SelfHosted but the Meeting SDK package is in neither {Path.Combine(package.ContentRoot, ZoomSdkPackage.PublishedFolder)} " +
                $"nor {Path.Combine(package.ContentRoot, ZoomSdkPackage.NodeModulesFolder)}: build with Node.js/npm installed (the build runs npm ci) or publish the app.");
        }

        if (options.AssetSource == ZoomSdkAssetSource.ZoomCdn && string.IsNullOrWhiteSpace(options.Version))
        {
            failures.Add("Zoom:Sdk:Version is required when Zoom:Sdk:AssetSource is ZoomCdn and the Meeting SDK package is not shipped with the portal.");
        }

        for (var i = 0; i < options.LeaveOut.Count; i++)
        {
            if (!ZoomSdkOptions.LeavableOptions.Contains(options.LeaveOut[i], StringComparer.Ordinal))
            {
                failures.Add($"Zoom:Sdk:LeaveOut:{i} is '{options.LeaveOut[i]}'; it may name only {string.Join(", ", ZoomSdkOptions.LeavableOptions)}.");
            }
        }

        if (options.LeaveOut.Count > 0 && !sandbox)
        {
            failures.Add("Zoom:Sdk:LeaveOut is a diagnostics switch for the real-SDK tests and is allowed only when Zoom:Mode is Sandbox: remove it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionFormat();
}
