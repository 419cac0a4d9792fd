using System.ComponentModel;
using Safedrop.Resources.Schema;

namespace Safedrop.Resources.Model;

[Description("The running platform: the API and portal, object storage and the two Redis caches.")]
public sealed class PlatformSpec
{
    [Description("The Safedrop API and web portal.")]
    public ApiSpec Api { get; set; } = new();

    [Description("Object storage for files and records: a managed MinIO or an external S3 endpoint.")]
    public StorageSpec Storage { get; set; } = new();

    [Description("Redis cache holding hashed e-mail PIN codes and rate-limit counters.")]
    public CacheSpec PinCache { get; set; } = new();

    [Description("Redis cache holding sessions.")]
    public CacheSpec SessionCache { get; set; } = new();

    [Description("SMTP relay the API sends PIN codes and notifications through. Required in a cluster: until it is declared the operator does not deploy the API and reports PlatformReady=False (reason MailRelayMissing).")]
    public MailSpec? Mail { get; set; }

    [Description("Secret holding the key-encryption key (key 'kek', 32 random bytes, base64) that wraps the data keys of server-readable data. The operator generates it (Secret safedrop-<organization>-kek) when absent. To rotate, in either Secret: put the new key in 'kek' and the old one in 'kek-previous' (several old keys may be listed, separated by commas), restart the API so it rewraps every kept key, and remove 'kek-previous' once a rewrap reports nothing left (docs/operations/key-rotation.md).")]
    public SecretReference? KeyEncryptionKeySecretRef { get; set; }

    [Description("How the public URLs (api.publicUrl, storage.managed.publicEndpoint) are exposed: the operator creates one networking.k8s.io/v1 Ingress per public host.")]
    public IngressSpec Ingress { get; set; } = new();
}

[Description("The Ingresses of the public URLs. Each routes every path of its URL's host to a Service: api.publicUrl to the API, storage.managed.publicEndpoint to MinIO's S3 port.")]
public sealed class IngressSpec
{
    [Description("Create the Ingresses. Set false when something else routes the public hosts to the Services (a Gateway API route or an Ingress of your own)."), Default(true)]
    public bool Enabled { get; set; } = true;

    [Description("IngressClass that serves the Ingresses; the cluster's default IngressClass when omitted. A controller that caps request bodies (ingress-nginx: 1m by default) must admit the encrypted parts of 4 MiB and a little more: configure that in the controller."), Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public string? ClassName { get; set; }

    [Description("Secret (type kubernetes.io/tls) with the certificate for the host of api.publicUrl, for example one cert-manager keeps. When omitted the Ingress declares no TLS and the controller's default certificate answers https."), Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public string? ApiTlsSecretName { get; set; }

    [Description("Secret (type kubernetes.io/tls) with the certificate for the host of storage.managed.publicEndpoint. When omitted the Ingress declares no TLS and the controller's default certificate answers https."), Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public string? StorageTlsSecretName { get; set; }
}

[Description("The API Deployment.")]
public sealed class ApiSpec
{
    [Description("Number of API pods."), Range(1, 50), Default(2)]
    public int Replicas { get; set; } = 2;

    [Description("Container image of the API. Defaults to the operator's own version.")]
    [Length(1, 512)]
    public string? Image { get; set; }

    [Description("Compute resources of each API pod.")]
    public ComputeResources? Resources { get; set; }

    [Description("Public URL users reach the portal and API at, used in e-mails and secure links. The operator routes its host to the API through an Ingress (see ingress); the API is served from the root of that host."), Format("uri"), Pattern("^https?://")]
    public string? PublicUrl { get; set; }
}

[Description("Compute resources in Kubernetes' requests/limits shape.")]
public sealed class ComputeResources
{
    [Description("Resources reserved for the container.")]
    public ResourceAmounts? Requests { get; set; }

    [Description("Upper bounds for the container.")]
    public ResourceAmounts? Limits { get; set; }
}

public sealed class ResourceAmounts
{
    [Description("CPU, for example 500m."), Quantity]
    public string? Cpu { get; set; }

    [Description("Memory, for example 512Mi."), Quantity]
    public string? Memory { get; set; }
}

[Description("At most one of managed or external; managed with its defaults when neither is set.")]
[CelRule("!(has(self.managed) && has(self.external))", "set at most one of managed or external")]
public sealed class StorageSpec
{
    [Description("A MinIO StatefulSet run by the operator in the tenant's namespace.")]
    public ManagedStorageSpec? Managed { get; set; }

    [Description("An existing S3-compatible endpoint.")]
    public ExternalStorageSpec? External { get; set; }
}

[Description("Managed MinIO. Four or more replicas run in distributed (erasure-coded) mode.")]
[CelRule("self.replicas == 1 || self.replicas >= 4", "MinIO runs with 1 replica or in distributed mode with 4 or more")]
public sealed class ManagedStorageSpec
{
    [Description("MinIO pods: 1, or 4 and more for distributed mode."), Range(1, 32), Default(1)]
    public int Replicas { get; set; } = 1;

    [Description("Volume size of each MinIO pod."), Quantity, Default("10Gi")]
    public string Size { get; set; } = "10Gi";

    [Description("StorageClass of the volumes; the cluster default when omitted."), Length(1, 253)]
    public string? StorageClassName { get; set; }

    [Description("Public S3 endpoint browsers and clients use for direct transfers (presigned URLs). The operator routes its host to MinIO's S3 port through an Ingress (see ingress), lets MinIO accept traffic from outside the namespace and allows api.publicUrl's origin in MinIO's CORS. When omitted, transfers stream through the API."), Format("uri"), Pattern("^https?://")]
    public string? PublicEndpoint { get; set; }

    [Description("Compute resources of each MinIO pod.")]
    public ComputeResources? Resources { get; set; }
}

[Description("External S3-compatible storage.")]
public sealed class ExternalStorageSpec
{
    [Required, Description("S3 endpoint URL the API uses."), Format("uri"), Pattern("^https?://")]
    public string Endpoint { get; set; } = "";

    [Description("Public S3 endpoint for presigned URLs, when it differs from endpoint."), Format("uri"), Pattern("^https?://")]
    public string? PublicEndpoint { get; set; }

    [Required, Description("Bucket holding the tenant's objects."), Length(3, 63), Pattern("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    public string Bucket { get; set; } = "";

    [Description("Region of the bucket."), Length(1, 64), Default("us-east-1")]
    public string Region { get; set; } = "us-east-1";

    [Required, Description("Secret with keys 'accessKey' and 'secretKey'.")]
    public SecretReference SecretRef { get; set; } = new();
}

[Description("At most one of managed or external; managed with its defaults when neither is set.")]
[CelRule("!(has(self.managed) && has(self.external))", "set at most one of managed or external")]
public sealed class CacheSpec
{
    [Description("A Redis Deployment run by the operator: no persistence, bounded memory, LRU eviction.")]
    public ManagedCacheSpec? Managed { get; set; }

    [Description("An existing Redis.")]
    public ExternalCacheSpec? External { get; set; }
}

public sealed class ManagedCacheSpec
{
    [Description("Memory Redis may use (maxmemory); the pod's limit is set a little above it."), Quantity, Default("128Mi")]
    public string Memory { get; set; } = "128Mi";
}

public sealed class ExternalCacheSpec
{
    [Required, Description("Secret whose key 'connectionString' holds a StackExchange.Redis connection string.")]
    public SecretReference SecretRef { get; set; } = new();
}

public enum MailSecurity
{
    None,
    StartTls,
    Ssl,
}

[Description("An SMTP relay.")]
public sealed class MailSpec
{
    [Required, Description("Host name of the SMTP relay."), Length(1, 253), Pattern(Patterns.DnsSubdomain)]
    public string Host { get; set; } = "";

    [Description("Port of the SMTP relay."), Range(1, 65535), Default(587)]
    public int Port { get; set; } = 587;

    [Required, Description("Sender address of every mail, for example no-reply@files.example.com."), Length(3, 320), Pattern(Patterns.Email)]
    public string From { get; set; } = "";

    [Description("Transport security: None (plain, trusted network only), StartTls (upgrade, usually port 587) or Ssl (TLS from the start, usually port 465)."), Default("StartTls")]
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    [Description("Secret with keys 'username' and 'password' for SMTP authentication; without it the API sends unauthenticated.")]
    public SecretReference? SecretRef { get; set; }
}
