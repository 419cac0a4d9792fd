using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Safedrop.Testing.FakeKube;

namespace Safedrop.Testing.Tests.FakeKube;

/// <summary>KubernetesClient 21.0.8 against the fake, the way the operator will call it.</summary>
public sealed class KubernetesClientTests : IAsyncLifetime
{
    private const string Ns = "demo";
    private FakeKubeServer? server;
    private Kubernetes? client;

    private FakeKubeServer Server => server!;

    private Kubernetes Client => client!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await FakeKubeServer.StartAsync(cancellationToken: Cancel);
        client = server.CreateClient();
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Ns } }, cancellationToken: Cancel);
        var crd = KubernetesJson.Deserialize<V1CustomResourceDefinition>(Fixtures.DropzoneCrd);
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        client?.Dispose();
        if (server is not null) await server.DisposeAsync();
    }

    [Fact]
    public async Task Should_CreateGetAndList_When_UsingCustomObjects()
    {
        var created = await CreateAsync("support");

        var read = await Client.CustomObjects.GetNamespacedCustomObjectAsync<DemoDropzone>(DemoDropzone.Group, DemoDropzone.Version, Ns, DemoDropzone.Plural, "support", Cancel);
        var list = (JsonElement)await Client.CustomObjects.ListNamespacedCustomObjectAsync(DemoDropzone.Group, DemoDropzone.Version, Ns, DemoDropzone.Plural, cancellationToken: Cancel);

        Assert.Equal(1, created.Metadata.Generation);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.Equal("tests", Assert.Single(created.Metadata.ManagedFields).Manager);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.False(read.Spec.SenderDomainAccess);
        Assert.Equal(1, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Should_ApplyAndThenNotWrite_When_ServerSideApplyIsRepeated()
    {
        await CreateAsync("support");
        var config = new DemoDropzone { Metadata = new V1ObjectMeta { Name = "support" }, Spec = new DemoDropzoneSpec { Owner = "owner@acme.example", Members = ["m1@acme.example"] } };

        var applied = await ApplyAsync(config);
        var mark = Server.Requests.Mark();
        var again = await ApplyAsync(config);

        Assert.Equal(["m1@acme.example"], applied.Spec.Members!);
        Assert.Equal(2, applied.Metadata.Generation);
        Assert.Contains(applied.Metadata.ManagedFields, f => f.Manager == "safedrop-operator" && f.Operation == "Apply");
        Assert.Equal(applied.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
        Assert.Equal(0, Server.Requests.MutationsSince(mark));
    }

    [Fact]
    public async Task Should_PatchStatusWithoutGeneration_When_UsingStatusPatch()
    {
        var created = await CreateAsync("support");
        var patch = new V1Patch(new { status = new { observedGeneration = 1 } }, V1Patch.PatchType.MergePatch);

        var patched = await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<DemoDropzone>(
            patch, DemoDropzone.Group, DemoDropzone.Version, Ns, DemoDropzone.Plural, "support", fieldManager: "safedrop-operator", cancellationToken: Cancel);

        Assert.Equal(1, patched.Status!.ObservedGeneration);
        Assert.Equal(created.Metadata.Generation, patched.Metadata.Generation);
        Assert.NotEqual(created.Metadata.ResourceVersion, patched.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Should_ThrowWith422_When_ImmutableFieldChanges()
    {
        await CreateAsync("support");
        var patch = new V1Patch(new { spec = new { owner = "other@acme.example" } }, V1Patch.PatchType.MergePatch);

        var thrown = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            patch, DemoDropzone.Group, DemoDropzone.Version, Ns, DemoDropzone.Plural, "support", cancellationToken: Cancel));

        Assert.Equal((HttpStatusCode)422, thrown.Response.StatusCode);
        Assert.Contains("owner is immutable", thrown.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ReceiveEventsFromResourceVersion_When_WatchingCustomObjects()
    {
        var created = await CreateAsync("support");
        await ApplyAsync(new DemoDropzone { Metadata = new V1ObjectMeta { Name = "support" }, Spec = new DemoDropzoneSpec { Owner = "owner@acme.example", Members = ["a@acme.example"] } });
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(DemoDropzone.Group, DemoDropzone.Version, Ns, DemoDropzone.Plural, "support", cancellationToken: Cancel);

        var types = new List<WatchEventType>();
        await foreach (var (type, _) in Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            DemoDropzone.Group, DemoDropzone.Version, Ns, DemoDropzone.Plural,
            allowWatchBookmarks: true, resourceVersion: created.Metadata.ResourceVersion, timeoutSeconds: 1, cancellationToken: Cancel))
        {
            if (type != WatchEventType.Bookmark) types.Add(type);
        }

        Assert.Equal([WatchEventType.Modified, WatchEventType.Deleted], types);
    }

    [Fact]
    public async Task Should_ReceiveLiveEvents_When_WatchingWithGenericClient()
    {
        using var generic = new GenericClient(Client, DemoDropzone.Group, DemoDropzone.Version, DemoDropzone.Plural, disposeClient: false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        stop.CancelAfter(TimeSpan.FromSeconds(10));
        var seen = new List<(WatchEventType, string)>();
        var creating = Task.Run(async () =>
        {
            await Server.Requests.WaitForAsync(r => r.Verb == "watch", stop.Token);
            await CreateAsync("live");
        }, stop.Token);

        await foreach (var (type, item) in generic.WatchNamespacedAsync<DemoDropzone>(Ns, cancel: stop.Token))
        {
            seen.Add((type, item.Metadata.Name));
            if (item.Metadata.Name == "live") break;
        }

        await creating;
        Assert.Contains((WatchEventType.Added, "live"), seen);
    }

    [Fact]
    public async Task Should_CreateAndReplaceLease_When_UsingCoordination()
    {
        var lease = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "safedrop-operator", NamespaceProperty = Ns },
            Spec = new V1LeaseSpec { HolderIdentity = "pod-a", LeaseDurationSeconds = 15, AcquireTime = DateTime.UtcNow, RenewTime = DateTime.UtcNow, LeaseTransitions = 0 },
        };

        var created = await Client.CoordinationV1.CreateNamespacedLeaseAsync(lease, Ns, cancellationToken: Cancel);
        created.Spec.HolderIdentity = "pod-b";
        var replaced = await Client.CoordinationV1.ReplaceNamespacedLeaseAsync(created, "safedrop-operator", Ns, cancellationToken: Cancel);
        created.Spec.HolderIdentity = "pod-c";
        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoordinationV1.ReplaceNamespacedLeaseAsync(created, "safedrop-operator", Ns, cancellationToken: Cancel));

        Assert.Equal("pod-b", replaced.Spec.HolderIdentity);
        Assert.NotEqual(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
    }

    private Task<DemoDropzone> CreateAsync(string name) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync<DemoDropzone>(
            new DemoDropzone { Metadata = new V1ObjectMeta { Name = name }, Spec = new DemoDropzoneSpec { Owner = "owner@acme.example" } },
            DemoDropzone.Group, DemoDropzone.Version, Ns, DemoDropzone.Plural, fieldManager: "tests", cancellationToken: Cancel);

    private Task<DemoDropzone> ApplyAsync(DemoDropzone config) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync<DemoDropzone>(
            new V1Patch(config, V1Patch.PatchType.ApplyPatch), DemoDropzone.Group, DemoDropzone.Version, Ns, DemoDropzone.Plural, config.Metadata.Name,
            fieldManager: "safedrop-operator", force: true, cancellationToken: Cancel);
}
