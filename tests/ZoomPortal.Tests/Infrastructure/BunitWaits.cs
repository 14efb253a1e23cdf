using System.Runtime.CompilerServices;
using Bunit;

namespace ZoomPortal.Tests.Infrastructure;

/// <summary>
/// bUnit's WaitFor* give up after 1 s by default. On a busy 2-core CI machine the renderer's dispatcher can be starved
/// that long, and a correct component failed "the wait condition was never checked". A wait returns as soon as its
/// condition holds, so a longer ceiling costs nothing when the code is right and still fails when it is wrong.
/// </summary>
internal static class BunitWaits
{
    [ModuleInitializer]
    internal static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
