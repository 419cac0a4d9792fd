namespace Safedrop.Testing.FakeKube;

/// <summary>How a <see cref="FakeKubeServer"/> behaves; the defaults suit operator tests.</summary>
public sealed record FakeKubeOptions
{
    /// <summary>Bearer token of the unrestricted test user.</summary>
    public string AdminToken { get; init; } = "fake-kube-admin-token";

    /// <summary>How many changes a watch can resume over before older ones are compacted (410 Expired).</summary>
    public int WatchHistoryCapacity { get; init; } = 10_000;

    /// <summary>
    /// The revision the store starts at. Nothing before it is retained, so a watch from an older
    /// resourceVersion (such as "1") is too old, as on any real cluster that has run a while.
    /// </summary>
    public long StartRevision { get; init; } = 100;

    /// <summary>How often an idle watch that allows bookmarks gets a BOOKMARK event (about a minute on a real server).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Refuse namespaced objects in namespaces that do not exist (404), as a real cluster does.</summary>
    public bool RequireNamespaces { get; init; } = true;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
