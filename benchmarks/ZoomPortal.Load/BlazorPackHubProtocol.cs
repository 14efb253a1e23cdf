using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace ZoomPortal.Load;

/// <summary>
/// The hub protocol blazor.web.js speaks on <c>/_blazor</c>: SignalR's MessagePack protocol under the name
/// "blazorpack" (as ASP.NET Core's own "Ignitor" test client did). The server's BlazorPackHubProtocol is MessagePack
/// with a resolver for its own argument types; the arguments a circuit sends (long, int, bool, string, byte[]) are
/// plain MessagePack.
/// </summary>
internal sealed class BlazorPackHubProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _inner = new();

    public string Name => "blazorpack";

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        _inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
}
