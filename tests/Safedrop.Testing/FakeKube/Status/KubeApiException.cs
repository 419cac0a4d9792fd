using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.Status;

/// <summary>Ends a request with a Kubernetes Status body; thrown from anywhere in request handling.</summary>
internal sealed class KubeApiException(JsonObject status) : Exception(status["message"]?.GetValue<string>())
{
    public JsonObject Status { get; } = status;

    public int Code => Status["code"]!.GetValue<int>();
}
