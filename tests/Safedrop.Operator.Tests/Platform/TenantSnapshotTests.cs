using k8s.Models;
using Safedrop.Resources.Compilation;
using static Safedrop.Operator.Tests.Platform.Platforms;

namespace Safedrop.Operator.Tests.Platform;

public class TenantSnapshotTests
{
    [Fact]
    public void Should_PublishTheCompiledConfigAndItsRevision()
    {
        var organization = AnOrganization();
        var compiled = Compile(organization);

        var configMap = Safedrop.Operator.Platform.PlatformPlan.Build(organization, compiled, Inputs).Get<V1ConfigMap>("safedrop-acme-config");

        Assert.Equal(compiled.Revision, configMap.Data["revision"]);
        Assert.Equal(TenantConfigJson.Serialize(compiled), configMap.Data["tenant.json"]);
        Assert.Equal(compiled.Revision, TenantConfigJson.Deserialize(configMap.Data["tenant.json"]).Revision);
    }
}
