using k8s;
using k8s.Models;
using Safedrop.Testing.FakeKube;

namespace Safedrop.Testing;

/// <summary>
/// A Kubernetes API server for tests: the in-process fake by default, or the real cluster that
/// SAFEDROP_TEST_KUBECONFIG points to, so the same tests prove the behaviour on both. The
/// generated CRDs are installed, and each test gets its own namespace.
/// </summary>
public sealed class KubeTestCluster : IAsyncDisposable
{
    public const string KubeconfigVariable = "SAFEDROP_TEST_KUBECONFIG";
    private readonly List<string> namespaces = [];

    private KubeTestCluster(FakeKubeServer? fake, KubernetesClientConfiguration? configuration)
    {
        Fake = fake;
        Configuration = configuration ?? fake!.ClientConfiguration;
        Client = new Kubernetes(Configuration);
    }

    /// <summary>The fake, when the tests run against it; null against a real cluster.</summary>
    public FakeKubeServer? Fake { get; }

    public bool IsReal => Fake is null;

    public KubernetesClientConfiguration Configuration { get; }

    /// <summary>An administrator's client, for arranging and inspecting.</summary>
    public Kubernetes Client { get; }

    public static async Task<KubeTestCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var kubeconfig = Environment.GetEnvironmentVariable(KubeconfigVariable);
        var cluster = string.IsNullOrEmpty(kubeconfig)
            ? new KubeTestCluster(await FakeKubeServer.StartAsync(cancellationToken: cancellationToken), null)
            : new KubeTestCluster(null, KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        await cluster.InstallCrdsAsync(cancellationToken);
        return cluster;
    }

    /// <summary>A fresh namespace (deleted again at the end on a real cluster).</summary>
    public async Task<string> CreateNamespaceAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken);
        namespaces.Add(name);
        return name;
    }

    /// <summary>Applies the generated CRDs from crds/, as `kubectl apply -f crds/` would.</summary>
    private async Task InstallCrdsAsync(CancellationToken cancellationToken)
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Crds, "*.yaml").Order(StringComparer.Ordinal))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, cancellationToken));
            await Client.ApiextensionsV1.PatchCustomResourceDefinitionAsync(
                new V1Patch(crd, V1Patch.PatchType.ApplyPatch), crd.Metadata.Name, fieldManager: "safedrop-tests", force: true, cancellationToken: cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (IsReal)
        {
            foreach (var ns in namespaces)
                await Client.CoreV1.DeleteNamespaceAsync(ns);
        }

        Client.Dispose();
        if (Fake is not null) await Fake.DisposeAsync();
    }
}
