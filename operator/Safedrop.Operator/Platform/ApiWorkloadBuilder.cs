using k8s;
using k8s.Models;
using Safedrop.Resources.Model;

namespace Safedrop.Operator.Platform;

/// <summary>The API Deployment, its Service and, with more than one replica, a disruption budget.</summary>
public static class ApiWorkloadBuilder
{
    public const int Port = 8080;
    public const int ServicePort = 80;
    public const string PortName = "http";

    // The app user of the .NET container images.
    private const long User = 1654;

    private static readonly ComputeResources DefaultResources = new()
    {
        Requests = new ResourceAmounts { Cpu = "100m", Memory = "256Mi" },
        Limits = new ResourceAmounts { Memory = "512Mi" },
    };

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Build(PlatformContext context)
    {
        if (ApiBlocker.Of(context.Spec) is null)
            yield return Deployment(context);
        yield return Service(context);
        if (context.Spec.Api.Replicas > 1)
            yield return DisruptionBudget(context);
    }

    /// <summary>
    /// No annotation carries the config revision: the API watches the snapshot ConfigMap and swaps
    /// configs in place. Secrets are referenced by name in the pod template, so renaming one rolls the pods.
    /// </summary>
    public static V1Deployment Deployment(PlatformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var api = context.Spec.Api;
        return new V1Deployment
        {
            Metadata = ObjectMetadata.For(context, Component.Api, context.Names.Api),
            Spec = new V1DeploymentSpec
            {
                Replicas = api.Replicas,
                Selector = ObjectMetadata.Selector(context, Component.Api),
                Template = new V1PodTemplateSpec
                {
                    Metadata = ObjectMetadata.ForPods(context, Component.Api),
                    Spec = new V1PodSpec
                    {
                        ServiceAccountName = context.Names.Api,
                        SecurityContext = SecurityContexts.Pod(User),
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "api",
                                Image = api.Image ?? context.Inputs.DefaultApiImage,
                                Ports = [new V1ContainerPort { Name = PortName, ContainerPort = Port }],
                                Env = ApiEnvironment.For(context),
                                Resources = api.Resources.ToRequirements(DefaultResources),
                                LivenessProbe = Probes.Http("/healthz", PortName),
                                ReadinessProbe = Probes.Http("/readyz", PortName, periodSeconds: 5),
                                SecurityContext = SecurityContexts.Container(),
                                VolumeMounts = [SecurityContexts.TmpMount()],
                            },
                        ],
                        Volumes = [SecurityContexts.TmpVolume()],
                    },
                },
            },
        }.Initialize();
    }

    public static V1Service Service(PlatformContext context) =>
        ClusterServices.For(context, Component.Api, context.Names.Api, PortName, ServicePort, Port);

    private static V1PodDisruptionBudget DisruptionBudget(PlatformContext context) => new V1PodDisruptionBudget
    {
        Metadata = ObjectMetadata.For(context, Component.Api, context.Names.Api),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MinAvailable = 1,
            Selector = ObjectMetadata.Selector(context, Component.Api),
        },
    }.Initialize();
}
