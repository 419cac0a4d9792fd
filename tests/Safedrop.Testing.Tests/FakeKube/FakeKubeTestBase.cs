using Safedrop.Testing.FakeKube;

namespace Safedrop.Testing.Tests.FakeKube;

/// <summary>A fresh fake per test with the demo namespace and the Dropzone CRD installed.</summary>
public abstract class FakeKubeTestBase : IAsyncLifetime
{
    private FakeKubeServer? server;
    private WireClient? wire;

    internal FakeKubeServer Server => server ?? throw new InvalidOperationException("not started");

    internal WireClient Wire => wire ?? throw new InvalidOperationException("not started");

    protected virtual FakeKubeOptions Options => new();

    public async ValueTask InitializeAsync()
    {
        server = await FakeKubeServer.StartAsync(Options, TestContext.Current.CancellationToken);
        wire = new WireClient(server);
        Assert.Equal(201, (await wire.PostAsync("/api/v1/namespaces", Fixtures.Namespace)).Code);
        Assert.Equal(201, (await wire.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Fixtures.DropzoneCrd)).Code);
    }

    public async ValueTask DisposeAsync()
    {
        wire?.Dispose();
        if (server is not null) await server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
