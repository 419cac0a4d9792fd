using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.FieldManagement;

namespace Safedrop.Testing.FakeKube.Handlers;

/// <summary>What a write left behind: the object to return, and whether anything was stored.</summary>
internal sealed record WriteResult(JsonObject Object, bool Mutated, bool Created);

/// <summary>A server-side apply in progress: the fields the configuration sets, and whether it takes them from others.</summary>
internal sealed record ApplyIntent(FieldSet Applied, bool Force);
