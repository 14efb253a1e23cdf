using ZoomPortal.Features.Join.Errors;

namespace ZoomPortal.Tests.Features.Join.Errors;

public sealed class JoinErrorCatalogTests
{
    [Theory]
    [InlineData(3705, null)]
    [InlineData(3712, null)]
    [InlineData(1, "The signature has expired.")]
    [InlineData(200, "Invalid signature.")]
    [InlineData(200, "Signature is invalid.")]
    public void Signature_errors_retry_with_a_fresh_signature(int code, string? message)
    {
        var info = JoinErrorCatalog.Classify(code, message);

        Assert.Equal(JoinErrorCategory.Signature, info.Category);
        Assert.Equal(JoinErrorHandling.RetryWithFreshSignature, info.Handling);
        Assert.Equal(code, info.Code);
    }

    [Theory]
    [InlineData(3008, JoinErrorHandling.WaitForHost, JoinErrorCategory.NotStarted)]
    [InlineData(3004, JoinErrorHandling.AskPasscode, JoinErrorCategory.Passcode)]
    [InlineData(3633, JoinErrorHandling.Wait, JoinErrorCategory.RateLimited)]
    [InlineData(-3000, JoinErrorHandling.BackOff, JoinErrorCategory.Network)]
    [InlineData(4011, JoinErrorHandling.Stop, JoinErrorCategory.AppNotAuthorised)]
    [InlineData(PortalErrorCodes.SdkTimeout, JoinErrorHandling.BackOff, JoinErrorCategory.Timeout)]
    public void Known_codes_have_their_own_handling(int code, JoinErrorHandling handling, JoinErrorCategory category)
    {
        var info = JoinErrorCatalog.Classify(code, null);

        Assert.Equal(handling, info.Handling);
        Assert.Equal(category, info.Category);
    }

    [Fact]
    public void A_generic_failure_with_another_message_is_not_a_signature_error()
    {
        // Zoom's own text (the Client View's result) under the generic code; bare "Fail to join the meeting." is the network.
        var info = JoinErrorCatalog.Classify(1, "The meeting is locked by the host.");

        Assert.Equal(JoinErrorCategory.Unknown, info.Category);
        Assert.Equal(JoinErrorHandling.Stop, info.Handling);
    }

    [Theory]
    [InlineData(-3000, "connection error")]
    [InlineData(200, "connection error")]
    [InlineData(1, "Fail to join the meeting.")]
    public void Connection_errors_of_both_views_are_network_errors_that_back_off(int code, string message)
    {
        var info = JoinErrorCatalog.Classify(code, message);

        Assert.Equal((code, JoinErrorCategory.Network, JoinErrorHandling.BackOff), (info.Code, info.Category, info.Handling));
        Assert.Contains("firewall or proxy", info.AdminDiagnosis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "Fail to join the meeting.")]
    [InlineData(1, "Meeting is locked by host")]
    public void Zooms_generic_failures_with_its_own_words_are_not_network_errors(int code, string message) =>
        Assert.NotEqual(JoinErrorCategory.Network, JoinErrorCatalog.Classify(code, message).Category);

    [Fact]
    public void Unknown_codes_say_so_and_name_the_code()
    {
        var info = JoinErrorCatalog.Classify(123456, "Something new");

        Assert.Equal(JoinErrorCategory.Unknown, info.Category);
        Assert.Contains("123456", info.AdminDiagnosis, StringComparison.Ordinal);
        Assert.Contains("does not know", info.AdminDiagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_entry_has_words_for_users_and_admins()
    {
        Assert.All(JoinErrorCatalog.All, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.UserMessage));
            Assert.False(string.IsNullOrWhiteSpace(e.AdminDiagnosis));
        });
    }
}
