using k8s;
using k8s.Models;

namespace Safedrop.Operator.Platform;

/// <summary>
/// The Ingresses of the Organization's public URLs: api.publicUrl to the API Service and, for the
/// managed MinIO, storage.managed.publicEndpoint to its S3 port (browsers and clients transfer
/// directly through presigned URLs there). Each routes every path of its URL's host; the Host header
/// reaches MinIO unchanged, so presigned signatures made for the public host verify.
/// </summary>
public static class IngressBuilder
{
    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Build(PlatformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ingress = context.Spec.Ingress;
        if (!ingress.Enabled)
            yield break;
        if (Host(context.Spec.Api.PublicUrl) is { } apiHost)
            yield return Ingress(context, Component.Api, context.Names.Api, apiHost, ingress.ApiTlsSecretName, ApiWorkloadBuilder.PortName);
        if (context.ManagedStorage && Host(context.Minio.PublicEndpoint) is { } storageHost)
            yield return Ingress(context, Component.Minio, context.Names.Minio, storageHost, ingress.StorageTlsSecretName, MinioBuilder.PortName);
    }

    /// <summary>
    /// The host of a URL as an Ingress rule takes it: no port, international names in punycode. An IP
    /// address is no Ingress host (it is reached some other way, for example a load balancer), so none.
    /// </summary>
    public static string? Host(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.HostNameType == UriHostNameType.Dns ? uri.IdnHost : null;

    /// <summary>Both Services share their name with the Ingress in front of them.</summary>
    private static V1Ingress Ingress(PlatformContext context, Component component, string service, string host, string? tlsSecretName, string portName) => new V1Ingress
    {
        Metadata = ObjectMetadata.For(context, component, service),
        Spec = new V1IngressSpec
        {
            IngressClassName = context.Spec.Ingress.ClassName,
            Rules =
            [
                new V1IngressRule
                {
                    Host = host,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = "/",
                                PathType = "Prefix",
                                Backend = new V1IngressBackend
                                {
                                    Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Name = portName } },
                                },
                            },
                        ],
                    },
                },
            ],
            Tls = tlsSecretName is null ? null : [new V1IngressTLS { Hosts = [host], SecretName = tlsSecretName }],
        },
    }.Initialize();
}
