using k8s;
using k8s.Models;

namespace Safedrop.Operator.Platform;

/// <summary>The ClusterIP Service in front of a component's pods, with its one named port.</summary>
internal static class ClusterServices
{
    public static V1Service For(PlatformContext context, Component component, string name, string portName, int port, IntOrString targetPort) => new V1Service
    {
        Metadata = ObjectMetadata.For(context, component, name),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = PlatformLabels.Selector(context.Names, component),
            Ports = [new V1ServicePort { Name = portName, Port = port, TargetPort = targetPort }],
        },
    }.Initialize();
}
