using System.Text;

namespace ZoomPortal.Tests.Features.Attendance;

public sealed class HandRolledHmacTests
{
    [Fact]
    public void Matches_the_RFC_4231_test_case_2()
    {
        // The tests' own HMAC must be right before it can judge the endpoint's.
        var mac = HandRolledHmac.Compute(Encoding.ASCII.GetBytes("Jefe"), Encoding.ASCII.GetBytes("what do ya want for nothing?"));

        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HandRolledHmac.Hex(mac));
    }
}
