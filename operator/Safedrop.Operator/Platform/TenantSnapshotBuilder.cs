using k8s;
using k8s.Models;
using Safedrop.Resources.Compilation;

namespace Safedrop.Operator.Platform;

/// <summary>The compiled tenant snapshot the API watches and swaps in atomically.</summary>
public static class TenantSnapshotBuilder
{
    public const string ConfigKey = "tenant.json";
    public const string RevisionKey = "revision";

    public static V1ConfigMap Build(PlatformContext context) => new V1ConfigMap
    {
        Metadata = ObjectMetadata.For(context, Component.Config, context.Names.Config),
        Data = new Dictionary<string, string>
        {
            [ConfigKey] = TenantConfigJson.Serialize(context.Compiled),
            [RevisionKey] = context.Compiled.Revision,
        },
    }.Initialize();
}
