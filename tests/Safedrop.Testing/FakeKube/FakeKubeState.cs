using System.Globalization;
using Safedrop.Testing.FakeKube.Discovery;
using Safedrop.Testing.FakeKube.Log;
using Safedrop.Testing.FakeKube.Storage;

namespace Safedrop.Testing.FakeKube;

/// <summary>Everything a request handler of the fake needs: storage, served resources, callers, the log and the clock.</summary>
internal sealed class FakeKubeState(FakeKubeOptions options)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FakeKubeUser> users = new(StringComparer.Ordinal)
    {
        [options.AdminToken] = new FakeKubeUser("fake-kube-admin", options.AdminToken, null),
    };

    public FakeKubeOptions Options { get; } = options;

    public ObjectStore Store { get; } = new(options.WatchHistoryCapacity, options.StartRevision);

    public ResourceCatalog Catalog { get; } = new();

    public RequestLog Log { get; } = new();

    public CancellationToken Stopping { get; set; }

    public Watch.WatchInterruptions WatchInterruptions { get; } = new();

    /// <summary>Now, as RFC 3339 with seconds, the way metadata timestamps are written.</summary>
    public string Now() => Options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public FakeKubeUser? UserFor(string token)
    {
        lock (gate) return users.GetValueOrDefault(token);
    }

    public void AddUser(FakeKubeUser user)
    {
        lock (gate) users[user.Token] = user;
    }
}
