using k8s;
using k8s.Models;
using Safedrop.Resources.Compilation;

namespace Safedrop.Operator.Platform;

/// <summary>The compiled tenant snapshot the API watches and swaps in atomically.</summary>
public static class TenantSnapshotBuilder
{
    public static V1ConfigMap Build(PlatformContext context) => new V1ConfigMap
    {
        Metadata = ObjectMetadata.For(context, Component.Config, context.Names.Config),
        Data = new Dictionary<string, string> { [TenantSnapshotFormat.RevisionKey] = context.Compiled.Revision },
        BinaryData = new Dictionary<string, byte[]> { [TenantSnapshotFormat.ConfigKey] = TenantSnapshotFormat.Encode(context.Compiled) },
    }.Initialize();
}
