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
    /// <summary>The Redis both caches use; readiness fails while it is unreachable.</summary>
    public string RedisConnectionString { get; init; } = "127.0.0.1:1";

    public TenantConfigStore Store => Services.GetRequiredService<TenantConfigStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Safedrop:Mode", "Cluster");
        builder.UseSetting("Safedrop:Cluster:Namespace", @namespace);
        builder.UseSetting("Safedrop:Cluster:ConfigMap", configMap);
        // What the operator sets besides the snapshot: caches, mail relay, key-encryption key.
        builder.UseSetting("Safedrop:PinCache:ConnectionString", RedisConnectionString);
        builder.UseSetting("Safedrop:SessionCache:ConnectionString", RedisConnectionString);
        builder.UseSetting("Safedrop:Mail:Host", "127.0.0.1");
        builder.UseSetting("Safedrop:Mail:From", "no-reply@acme.example");
        builder.UseSetting("Safedrop:Mail:Security", "None");
        builder.UseSetting("Safedrop:KeyEncryption:Key", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IKubernetes>(new Kubernetes(kubernetes)));
            services.TryAddSingleton<Safedrop.Api.Audit.IAuditLog, Fixtures.RecordingAuditLog>();
        });
    }
}
