using System.Text.Json.Nodes;

namespace Safedrop.Testing.FakeKube.Http;

/// <summary>A finished request: status code and JSON body; <see cref="Mutated"/> when stored state changed.</summary>
internal sealed record ApiResponse(int Code, JsonNode Body, bool Mutated = false);
