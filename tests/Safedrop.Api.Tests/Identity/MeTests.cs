using System.Net.Http.Json;
using Safedrop.Api.Identity;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests.Identity;

/// <summary><c>GET /v1/me</c>: every permission, whether it is held, and why.</summary>
public sealed class MeTests
{
    private const string Inviter = "bob@acme.example";

    [Fact]
    public async Task Should_Explain_Each_Permission_By_Its_Basis_And_Granting_Groups()
    {
        using var folder = TenantFolder.WithSmallTenant();
        folder.Write("group.yaml", TenantYaml.SecurityGroup("inviters", "InviteExternalUsers", Inviter));
        await using var api = new LocalApi(folder.Path);
        using var bob = await api.SignedInClientAsync(Inviter);
        using var alice = await api.SignedInClientAsync(TenantYaml.RegisteredUser);

        var bobs = await PermissionsAsync(bob);
        var alices = await PermissionsAsync(alice);

        Assert.Equal((true, "GrantedByGroups", "inviters"), (bobs["InviteExternalUsers"].Held, bobs["InviteExternalUsers"].Basis, string.Join(",", bobs["InviteExternalUsers"].Groups)));
        Assert.Equal((false, "NotInGrantingGroup"), (alices["InviteExternalUsers"].Held, alices["InviteExternalUsers"].Basis));
        Assert.Contains("inviters", alices["InviteExternalUsers"].Reason, StringComparison.Ordinal);
        Assert.Equal((true, "Unrestricted"), (alices["ApiKeys"].Held, alices["ApiKeys"].Basis));
        Assert.Equal((false, "OptInRequired"), (alices["PersonalWorkflows"].Held, alices["PersonalWorkflows"].Basis));
    }

    private static async Task<Dictionary<string, PermissionState>> PermissionsAsync(HttpClient client)
    {
        var me = (await client.GetFromJsonAsync<MeResponse>("/v1/me", LocalApi.Json, TestContext.Current.CancellationToken))!;
        return me.Permissions.ToDictionary(p => p.Permission);
    }
}
