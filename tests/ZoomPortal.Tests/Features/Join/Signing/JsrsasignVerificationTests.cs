using System.Diagnostics;
using System.Text.Json;
using ZoomPortal.Features.Join.Signing;

namespace ZoomPortal.Tests.Features.Join.Signing;

/// <summary>Checks tokens outside .NET, with jsrsasign, the library Zoom's own auth-endpoint sample signs with.</summary>
public sealed class JsrsasignVerificationTests
{
    [Fact]
    public async Task Token_verifies_with_the_secret_in_jsrsasign()
    {
        var options = SigningTestData.Options();
        options.VideoWebRtcMode = 1;
        var signature = SigningTestData.Signer(options).Sign(85746065432, ZoomRole.Host);

        var result = await VerifyAsync(signature.Token, SigningTestData.ClientSecret);

        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal("HS256", result.GetProperty("header").GetProperty("alg").GetString());
        var payload = result.GetProperty("payload");
        Assert.Equal("85746065432", payload.GetProperty("mn").GetString());
        Assert.Equal(1, payload.GetProperty("role").GetInt32());
        Assert.Equal(1, payload.GetProperty("video_webrtc_mode").GetInt32());
        Assert.Equal(7200, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Token_fails_in_jsrsasign_with_another_secret()
    {
        var signature = SigningTestData.Signer().Sign(85746065432, ZoomRole.Attendee);

        var result = await VerifyAsync(signature.Token, SigningTestData.ClientSecret + "x");

        Assert.False(result.GetProperty("valid").GetBoolean());
    }

    private static async Task<JsonElement> VerifyAsync(string token, string secret)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "signer-verify");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "jsrsasign")))
        {
            Assert.Fail($"jsrsasign is not installed for the signature check: run `npm ci --prefix tests/signer-verify` in the repository root ({folder} has no node_modules).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(folder, "verify.js"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");

        // The secret goes through stdin, never the command line.
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(new { token, secret }).AsMemory(), timeout.Token);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"verify.js exited with {process.ExitCode}: {await error}");
        using var document = JsonDocument.Parse(await output);
        return document.RootElement.Clone();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ZoomPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ZoomPortal.sln above {AppContext.BaseDirectory}.");
    }
}
