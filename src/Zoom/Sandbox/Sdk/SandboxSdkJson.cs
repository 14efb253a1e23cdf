using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomPortal.Zoom.Sandbox.Sdk;

// Unknown members are refused: the endpoint accepts exactly the join request's shape.
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SandboxWebJoinRequest))]
[JsonSerializable(typeof(SandboxWebJoinAnswer))]
[JsonSerializable(typeof(SandboxBadRequest))]
internal sealed partial class SandboxSdkJson : JsonSerializerContext;
