namespace Safedrop.Testing.FakeKube.Storage;

/// <summary>
/// The recent changes a watch can resume from. Older ones are compacted away, as etcd does: a watch
/// from a revision before <see cref="CompactedRevision"/> is answered with 410 Expired.
/// </summary>
internal sealed class EventHistory(int capacity, long startRevision)
{
    private readonly LinkedList<StoredEvent> events = new();

    /// <summary>Watches may resume from this revision or later.</summary>
    public long CompactedRevision { get; private set; } = startRevision;

    public void Add(StoredEvent change)
    {
        events.AddLast(change);
        while (events.Count > capacity)
        {
            CompactedRevision = events.First!.Value.Revision;
            events.RemoveFirst();
        }
    }

    public bool CanResumeFrom(long revision) => revision >= CompactedRevision;

    public IEnumerable<StoredEvent> After(long revision) => events.Where(e => e.Revision > revision);

    /// <summary>Forgets everything up to <paramref name="revision"/>.</summary>
    public void CompactTo(long revision)
    {
        while (events.First is { } first && first.Value.Revision <= revision) events.RemoveFirst();
        CompactedRevision = Math.Max(CompactedRevision, revision);
    }
}
