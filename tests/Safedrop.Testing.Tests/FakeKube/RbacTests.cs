using k8s.Models;

namespace Safedrop.Testing.Tests.FakeKube;

public sealed class RbacTests : FakeKubeTestBase
{
    private const string Operator = "system:serviceaccount:safedrop-system:safedrop-operator";

    [Fact]
    public async Task Should_Return403WithRbacMessage_When_RuleDoesNotCoverSubresource()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("x"));
        using var restricted = Restricted(new V1PolicyRule { ApiGroups = ["safedrop.io"], Resources = ["dropzones"], Verbs = ["get", "list", "watch", "patch"] });

        var (code, status) = await restricted.PatchAsync(Fixtures.Dropzones + "/x/status", """{"status":{"observedGeneration":1}}""", "application/merge-patch+json");

        Assert.Equal(403, code);
        Assert.Equal("Forbidden", status["reason"]!.GetValue<string>());
        Assert.Equal(
            $"dropzones.safedrop.io \"x\" is forbidden: User \"{Operator}\" cannot patch resource \"dropzones/status\" in API group \"safedrop.io\" in the namespace \"demo\"",
            status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_Allow_When_RuleCoversVerbAndResource()
    {
        await Wire.PostAsync(Fixtures.Dropzones, Fixtures.Dropzone("x"));
        using var restricted = Restricted(new V1PolicyRule { ApiGroups = ["safedrop.io"], Resources = ["dropzones/status"], Verbs = ["patch"] });

        var (code, _) = await restricted.PatchAsync(Fixtures.Dropzones + "/x/status", """{"status":{"observedGeneration":1}}""", "application/merge-patch+json");

        Assert.Equal(200, code);
    }

    [Fact]
    public async Task Should_Return403_When_VerbIsNotGranted()
    {
        using var restricted = Restricted(new V1PolicyRule { ApiGroups = [""], Resources = ["secrets"], Verbs = ["get"] });

        var (code, status) = await restricted.GetAsync("/api/v1/namespaces/demo/secrets");

        Assert.Equal(403, code);
        Assert.Equal($"secrets is forbidden: User \"{Operator}\" cannot list resource \"secrets\" in API group \"\" in the namespace \"demo\"", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_HonourResourceNames_When_RuleNamesObjects()
    {
        await Wire.PostAsync("/apis/coordination.k8s.io/v1/namespaces/demo/leases", """{"metadata":{"name":"mine"}}""");
        await Wire.PostAsync("/apis/coordination.k8s.io/v1/namespaces/demo/leases", """{"metadata":{"name":"theirs"}}""");
        using var restricted = Restricted(new V1PolicyRule { ApiGroups = ["coordination.k8s.io"], Resources = ["leases"], Verbs = ["get"], ResourceNames = ["mine"] });

        Assert.Equal(200, (await restricted.GetAsync("/apis/coordination.k8s.io/v1/namespaces/demo/leases/mine")).Code);
        Assert.Equal(403, (await restricted.GetAsync("/apis/coordination.k8s.io/v1/namespaces/demo/leases/theirs")).Code);
    }

    [Fact]
    public async Task Should_Return401Unauthorized_When_TokenIsMissingOrWrong()
    {
        using var anonymous = new WireClient(Server, token: null);
        using var wrong = new WireClient(Server, token: "nope");

        var (code, status) = await anonymous.GetAsync(Fixtures.Dropzones);

        Assert.Equal(401, code);
        Assert.Equal("Unauthorized", status["reason"]!.GetValue<string>());
        Assert.Equal(401, (await wrong.GetAsync(Fixtures.Dropzones)).Code);
    }

    private WireClient Restricted(V1PolicyRule rule)
    {
        var configuration = Server.AddRestrictedUser(Operator, [rule]);
        return new WireClient(Server, configuration.AccessToken);
    }
}
