using Xunit;

namespace Safedrop.Testing;

/// <summary>A test class that gets a <see cref="KubeTestCluster"/> and a fresh namespace in it for each test.</summary>
public abstract class KubeClusterTest(string namespacePrefix) : IAsyncLifetime
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected KubeTestCluster Cluster { get; private set; } = null!;

    protected string Namespace { get; private set; } = "";

    public virtual async ValueTask InitializeAsync()
    {
        Cluster = await KubeTestCluster.StartAsync(Ct);
        Namespace = await Cluster.CreateNamespaceAsync(namespacePrefix, Ct);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
