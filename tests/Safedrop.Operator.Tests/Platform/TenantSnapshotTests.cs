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
        var (published, problem) = TenantSnapshotFormat.Decode(configMap);
        Assert.Null(problem);
        Assert.Equal(TenantConfigJson.Serialize(compiled), TenantConfigJson.Serialize(published!));
    }

    [Fact]
    public void Should_StayUnderTheApiServersObjectLimit_When_TheTenantHasFiveThousandDropzones()
    {
        var dropzones = Enumerable.Range(0, 5000).Select(i => Testing.Builders.TenantBuilder.ADropzone($"dropzone-{i:D4}",
            configure: s => { s.Members = [$"member-{i}@acme.example"]; s.DisplayName = $"Customer intake {i}"; }));
        var compiled = TenantCompiler.Compile(TenantInput.From("acme", [Testing.Builders.TenantBuilder.AnOrganization(), .. dropzones])).Config;

        var encoded = TenantSnapshotFormat.Encode(compiled);

        // A ConfigMap (all keys, base64 for binaryData) must stay under 1 MiB; plain JSON would not.
        Assert.True(encoded.Length * 4 / 3 < 1 << 20, $"{encoded.Length} bytes compressed");
        Assert.True(TenantConfigJson.Serialize(compiled).Length > 1 << 20, "the plain JSON would have been too big: the test must keep proving compression matters");
    }

    [Fact]
    public void Should_ReportAProblem_When_TheSnapshotIsDamaged()
    {
        var damaged = new V1ConfigMap { BinaryData = new Dictionary<string, byte[]> { [TenantSnapshotFormat.ConfigKey] = [1, 2, 3] } };

        Assert.NotNull(TenantSnapshotFormat.Decode(damaged).Problem);
        Assert.NotNull(TenantSnapshotFormat.Decode(new V1ConfigMap()).Problem);
    }
}
