using System.Globalization;
using System.Text.Json.Nodes;
using Safedrop.Testing.FakeKube.Discovery;
using Safedrop.Testing.FakeKube.Json;

namespace Safedrop.Testing.FakeKube.Storage;

/// <summary>
/// The fake's etcd: objects by key, one global revision that every write bumps (it becomes the object's
/// resourceVersion), a history of changes for watches, and the live watch feeds. Callers hold
/// <see cref="Gate"/> across a read-modify-write so each request sees and makes one consistent change.
/// </summary>
internal sealed class ObjectStore(int historyCapacity, long startRevision)
{
    private readonly Dictionary<ObjectKey, JsonObject> objects = [];
    private readonly List<WatchSubscription> subscriptions = [];
    private readonly EventHistory history = new(historyCapacity, startRevision);

    public Lock Gate { get; } = new();

    public long Revision { get; private set; } = startRevision;

    public long CompactedRevision
    {
        get
        {
            lock (Gate) return history.CompactedRevision;
        }
    }

    public JsonObject? Get(ObjectKey key)
    {
        lock (Gate) return objects.TryGetValue(key, out var obj) ? KubeJson.CloneObject(obj) : null;
    }

    public List<JsonObject> List(StorageResource resource, string? @namespace)
    {
        lock (Gate)
        {
            return [.. objects
                .Where(o => o.Key.Resource == resource && (@namespace is null || o.Key.Namespace == @namespace))
                .OrderBy(o => o.Key.Namespace, StringComparer.Ordinal)
                .ThenBy(o => o.Key.Name, StringComparer.Ordinal)
                .Select(o => KubeJson.CloneObject(o.Value))];
        }
    }

    /// <summary>Stores a new version: bumps the revision, stamps it as resourceVersion, records the change.</summary>
    public JsonObject Put(ObjectKey key, JsonObject obj)
    {
        lock (Gate)
        {
            var type = objects.ContainsKey(key) ? StoredEvent.Modified : StoredEvent.Added;
            var stored = Stamp(obj);
            objects[key] = stored;
            Publish(new StoredEvent(Revision, type, key.Resource, key.Namespace, KubeJson.CloneObject(stored)));
            return KubeJson.CloneObject(stored);
        }
    }

    /// <summary>Deletes an object; the DELETED event carries its last state at a new revision, which is returned.</summary>
    public JsonObject Remove(ObjectKey key, JsonObject lastState)
    {
        lock (Gate)
        {
            var stored = Stamp(lastState);
            if (!objects.Remove(key)) return stored;
            Publish(new StoredEvent(Revision, StoredEvent.Deleted, key.Resource, key.Namespace, stored));
            return KubeJson.CloneObject(stored);
        }
    }

    public List<ObjectKey> Keys(Func<ObjectKey, bool> predicate)
    {
        lock (Gate) return [.. objects.Keys.Where(predicate)];
    }

    /// <summary>
    /// Starts a watch feed. Returns the retained changes after <paramref name="fromRevision"/> (or null when
    /// that revision was compacted away) together with the live feed, atomically.
    /// </summary>
    public (List<StoredEvent>? Backlog, WatchSubscription Feed) Subscribe(long fromRevision, Func<StoredEvent, bool> filter)
    {
        lock (Gate)
        {
            var feed = new WatchSubscription(filter, Unsubscribe);
            subscriptions.Add(feed);
            var backlog = history.CanResumeFrom(fromRevision) ? history.After(fromRevision).Where(filter).ToList() : null;
            return (backlog, feed);
        }
    }

    /// <summary>Forgets the change history up to now: watches from any older resourceVersion get 410 Expired.</summary>
    public void Compact()
    {
        lock (Gate) history.CompactTo(Revision);
    }

    private JsonObject Stamp(JsonObject obj)
    {
        Revision++;
        // A round trip through text, so stored values compare the same however they were built.
        var stored = (JsonObject)JsonNode.Parse(KubeJson.Write(obj))!;
        stored.SetMeta("resourceVersion", Revision.ToString(CultureInfo.InvariantCulture));
        return stored;
    }

    private void Publish(StoredEvent change)
    {
        history.Add(change);
        foreach (var feed in subscriptions) feed.Offer(change);
    }

    private void Unsubscribe(WatchSubscription feed)
    {
        lock (Gate) subscriptions.Remove(feed);
    }
}
