using k8s;

namespace Safedrop.Benchmarks;

/// <summary>
/// The kubeconfig a child process is pointed at, as &lt;home&gt;/.kube/config in a temporary folder:
/// written for the fake (its address and a bearer token), or a link to the real cluster's file,
/// which is never copied or touched. KubernetesClient's BuildConfigFromConfigFile() reads
/// $HOME/.kube/config and ignores KUBECONFIG, so the operator is given this folder as HOME.
/// </summary>
internal sealed class KubeconfigFile : IDisposable
{
    private KubeconfigFile(string home)
    {
        Home = home;
        Directory.CreateDirectory(System.IO.Path.Combine(home, ".kube"));
    }

    /// <summary>A folder to use as the child's HOME.</summary>
    public string Home { get; }

    public string Path => System.IO.Path.Combine(Home, ".kube", "config");

    public static KubeconfigFile LinkTo(string existing)
    {
        var file = new KubeconfigFile(NewHome("cluster"));
        File.CreateSymbolicLink(file.Path, System.IO.Path.GetFullPath(existing));
        return file;
    }

    public static KubeconfigFile Write(KubernetesClientConfiguration configuration, string user)
    {
        var file = new KubeconfigFile(NewHome(user));
        File.WriteAllText(file.Path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: bench
              cluster:
                server: {configuration.Host}
            users:
            - name: {user}
              user:
                token: {configuration.AccessToken}
            contexts:
            - name: bench
              context:
                cluster: bench
                user: {user}
            current-context: bench

            """);
        return file;
    }

    private static string NewHome(string user) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"safedrop-bench-{user}-{Guid.NewGuid():N}");

    /// <summary>Removes the folder (a link is removed, never the file it points to).</summary>
    public void Dispose() => Directory.Delete(Home, recursive: true);
}
