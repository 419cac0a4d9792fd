using k8s;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Safedrop.Api.Configuration;
using Safedrop.Testing;

namespace Safedrop.Api.Tests.Hosting;

/// <summary>
/// The API in cluster mode, reading its snapshot ConfigMap through the given Kubernetes API server and
/// storing objects on the given S3 server, with the settings the operator would give it.
/// </summary>
public sealed class ClusterApi(KubernetesClientConfiguration kubernetes, string @namespace, string configMap, S3Server s3) : WebApplicationFactory<Program>
{
    /// <summary>A fixed test key-encryption key (base64 of 32 bytes).</summary>
    public const string KeyEncryptionKey = "c2FmZWRyb3AtdGVzdC1rZXktZW5jcnlwdGlvbi1rZXk=";

    /// <summary>The Redis both caches use; readiness fails while it is unreachable.</summary>
    public string RedisConnectionString { get; init; } = "127.0.0.1:1";

    /// <summary>The mail relay's port on 127.0.0.1, for example an <see cref="SmtpSink"/>'s to sign in by PIN; the default port when null.</summary>
    public int? MailPort { get; init; }

    public TenantConfigStore Store => Services.GetRequiredService<TenantConfigStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Safedrop:Mode", "Cluster");
        builder.UseSetting("Safedrop:Cluster:Namespace", @namespace);
        builder.UseSetting("Safedrop:Cluster:ConfigMap", configMap);
        builder.UseSetting("Safedrop:Storage:Endpoint", s3.Endpoint.ToString());
        builder.UseSetting("Safedrop:Storage:AccessKey", s3.AccessKey);
        builder.UseSetting("Safedrop:Storage:SecretKey", s3.SecretKey);
        // What the operator sets besides the snapshot: caches, mail relay, key-encryption key.
        builder.UseSetting("Safedrop:PinCache:ConnectionString", RedisConnectionString);
        builder.UseSetting("Safedrop:SessionCache:ConnectionString", RedisConnectionString);
        builder.UseSetting("Safedrop:Mail:Host", "127.0.0.1");
        if (MailPort is { } port) builder.UseSetting("Safedrop:Mail:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Safedrop:Mail:From", "no-reply@acme.example");
        builder.UseSetting("Safedrop:Mail:Security", "None");
        builder.UseSetting("Safedrop:KeyEncryption:Key", KeyEncryptionKey);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IKubernetes>(new Kubernetes(kubernetes))));
    }
}
