using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Discovery;

namespace Safedrop.Testing.FakeKube.Storage;

/// <summary>One change at one revision, kept for watches: ADDED, MODIFIED or DELETED with the object after it.</summary>
internal sealed record StoredEvent(long Revision, string Type, StorageResource Resource, string Namespace, JsonObject Object)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
