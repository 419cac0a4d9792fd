using k8s.Models;
using Safedrop.Operator.Platform;
using Safedrop.Resources.Model;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class IngressTests
{
    private static void PublicEndpoints(OrganizationSpec spec)
    {
        spec.Platform.Api.PublicUrl = "https://files.acme.example";
        spec.Platform.Storage.Managed = new ManagedStorageSpec { PublicEndpoint = "https://s3.files.acme.example" };
    }

    private static V1HTTPIngressPath OnlyPath(V1Ingress ingress, string host)
    {
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal(host, rule.Host);
        return Assert.Single(rule.Http.Paths);
    }

    [Fact]
    public void Should_RouteThePublicEndpointsHost_To_MinioS3Port_When_APublicEndpointIsSet()
    {
        var ingress = Plan(PublicEndpoints).Get<V1Ingress>("safedrop-acme-minio");

        var path = OnlyPath(ingress, "s3.files.acme.example");
        Assert.Equal(("/", "Prefix"), (path.Path, path.PathType));
        Assert.Equal(("safedrop-acme-minio", "s3"), (path.Backend.Service.Name, path.Backend.Service.Port.Name));
        Assert.Equal("minio", ingress.Metadata.Labels["app.kubernetes.io/component"]);
    }

    [Fact]
    public void Should_RouteThePublicUrlsHost_To_TheApiService_When_APublicUrlIsSet()
    {
        var ingress = Plan(PublicEndpoints).Get<V1Ingress>("safedrop-acme-api");

        var path = OnlyPath(ingress, "files.acme.example");
        Assert.Equal(("safedrop-acme-api", "http"), (path.Backend.Service.Name, path.Backend.Service.Port.Name));
        Assert.Equal("api", ingress.Metadata.Labels["app.kubernetes.io/component"]);
    }

    [Fact]
    public void Should_OwnTheIngresses_By_TheOrganization()
    {
        Assert.All(Plan(PublicEndpoints).OfType<V1Ingress>(), ingress =>
        {
            var owner = Assert.Single(ingress.Metadata.OwnerReferences);
            Assert.Equal((Uid, "Organization", true), (owner.Uid, owner.Kind, owner.Controller));
            Assert.Equal("safedrop-operator", ingress.Metadata.Labels["app.kubernetes.io/managed-by"]);
        });
    }

    [Fact]
    public void Should_CreateNoIngress_When_NoPublicUrlOrEndpointIsSet()
    {
        Assert.Empty(Plan().OfType<V1Ingress>());
    }

    [Fact]
    public void Should_UseTheHostAlone_When_TheUrlHasAPortAndPath()
    {
        var plan = Plan(spec =>
        {
            spec.Platform.Api.PublicUrl = "https://files.acme.example:8443/portal";
            spec.Platform.Storage.Managed = new ManagedStorageSpec { PublicEndpoint = "https://bücher.acme.example:9443" };
        });

        Assert.Equal("files.acme.example", plan.Get<V1Ingress>("safedrop-acme-api").Spec.Rules.Single().Host);
        Assert.Equal("xn--bcher-kva.acme.example", plan.Get<V1Ingress>("safedrop-acme-minio").Spec.Rules.Single().Host);
    }

    [Fact]
    public void Should_CreateNoIngress_When_TheEndpointIsAnIpAddress()
    {
        var plan = Plan(spec => spec.Platform.Storage.Managed = new ManagedStorageSpec { PublicEndpoint = "http://203.0.113.7:9000" });

        Assert.False(plan.Has<V1Ingress>("safedrop-acme-minio"));
    }

    [Fact]
    public void Should_UseTheDeclaredIngressClassAndCertificates()
    {
        var plan = Plan(spec =>
        {
            PublicEndpoints(spec);
            spec.Platform.Ingress = new IngressSpec { ClassName = "nginx", ApiTlsSecretName = "files-tls", StorageTlsSecretName = "s3-tls" };
        });

        var api = plan.Get<V1Ingress>("safedrop-acme-api");
        var minio = plan.Get<V1Ingress>("safedrop-acme-minio");
        Assert.Equal(["nginx", "nginx"], new[] { api.Spec.IngressClassName, minio.Spec.IngressClassName });
        Assert.Equal(("files.acme.example", "files-tls"), (Assert.Single(Assert.Single(api.Spec.Tls).Hosts), api.Spec.Tls[0].SecretName));
        Assert.Equal(("s3.files.acme.example", "s3-tls"), (Assert.Single(Assert.Single(minio.Spec.Tls).Hosts), minio.Spec.Tls[0].SecretName));
    }

    [Fact]
    public void Should_LeaveClassAndTlsToTheCluster_When_NoneAreDeclared()
    {
        var ingress = Plan(PublicEndpoints).Get<V1Ingress>("safedrop-acme-api");

        Assert.Null(ingress.Spec.IngressClassName);
        Assert.Null(ingress.Spec.Tls);
    }

    [Fact]
    public void Should_CreateNoIngress_When_IngressesAreDisabled()
    {
        var plan = Plan(spec =>
        {
            PublicEndpoints(spec);
            spec.Platform.Ingress.Enabled = false;
        });

        Assert.Empty(plan.OfType<V1Ingress>());
    }

    [Fact]
    public void Should_CreateNoStorageIngress_When_StorageIsExternal()
    {
        var plan = Plan(spec =>
        {
            ExternalEverything(spec);
            spec.Platform.Storage.External!.PublicEndpoint = "https://s3.acme.example";
        });

        Assert.False(plan.Has<V1Ingress>("safedrop-acme-minio"));
    }

    [Fact]
    public void Should_LetTheIngressControllerReachMinio_When_ItHasAnIngress()
    {
        var policy = Plan(PublicEndpoints).Get<V1NetworkPolicy>("safedrop-acme-minio");

        // The controller's pods live in another namespace: the S3 port admits everyone, like the API's.
        Assert.Contains(policy.Spec.Ingress, r => r.FromProperty is null && r.Ports.Single().Port.Value == "9000");
    }
}
