using k8s;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Tests.Hosting;

/// <summary>The API in cluster mode, reading its snapshot ConfigMap through the given Kubernetes API server.</summary>
public sealed class ClusterApi(KubernetesClientConfiguration kubernetes, string @namespace, string configMap) : WebApplicationFactory<Program>
{
    public TenantConfigStore Store => Services.GetRequiredService<TenantConfigStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Safedrop:Mode", "Cluster");
        builder.UseSetting("Safedrop:Cluster:Namespace", @namespace);
        builder.UseSetting("Safedrop:Cluster:ConfigMap", configMap);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IKubernetes>(new Kubernetes(kubernetes))));
    }
}
