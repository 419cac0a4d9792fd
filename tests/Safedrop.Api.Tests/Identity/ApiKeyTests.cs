using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests.Identity;

public sealed class ApiKeyTests
{
    private const string Alice = TenantYaml.RegisteredUser;
    private const string Bob = "bob@acme.example";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Show_The_Secret_Once_And_Sign_In_With_It_When_A_Key_Is_Created()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = await SignedInAsync(api, Alice);

        var created = await client.PostAsJsonAsync("/v1/api-keys", new { name = "ci" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await created.Content.ReadFromJsonAsync<CreatedApiKey>(LocalApi.Json, Ct))!;
        Assert.StartsWith($"sdk_{key.Id}_", key.Secret, StringComparison.Ordinal);
        var listed = await client.GetStringAsync("/v1/api-keys", Ct);
        Assert.Contains(key.Id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Secret[(4 + key.Id.Length + 1)..], listed, StringComparison.Ordinal);

        using var keyClient = api.ClientWithToken(key.Secret);
        var me = await keyClient.GetFromJsonAsync<MeResponse>("/v1/me", LocalApi.Json, Ct);
        Assert.Equal(Alice, me!.Email);
    }

    [Fact]
    public async Task Should_Stop_Working_At_Once_When_The_Key_Is_Revoked()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = await SignedInAsync(api, Alice);
        var key = await CreateKeyAsync(client);
        using var keyClient = api.ClientWithToken(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await keyClient.GetAsync("/v1/me", Ct)).StatusCode);

        var revoked = await client.DeleteAsync($"/v1/api-keys/{key.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyClient.GetAsync("/v1/me", Ct)).StatusCode);
        Assert.DoesNotContain(key.Id, await client.GetStringAsync("/v1/api-keys", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Refuse_When_The_Secret_Is_Wrong()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = await SignedInAsync(api, Alice);
        var key = await CreateKeyAsync(client);
        using var forged = api.ClientWithToken($"sdk_{key.Id}_{new string('A', 43)}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Should_Not_Let_Another_User_Revoke_The_Key()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var alice = await SignedInAsync(api, Alice);
        var key = await CreateKeyAsync(alice);
        using var bob = await SignedInAsync(api, Bob);

        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/v1/api-keys/{key.Id}", Ct)).StatusCode);
        Assert.Contains(key.Id, await alice.GetStringAsync("/v1/api-keys", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_403_Naming_The_Permission_When_A_Security_Group_Restricts_Api_Keys()
    {
        using var folder = TenantFolder.WithSmallTenant();
        folder.Write("group.yaml", TenantYaml.SecurityGroup("automation", "ApiKeys", Bob));
        await using var api = new LocalApi(folder.Path);
        using var client = await SignedInAsync(api, Alice);

        var response = await client.PostAsJsonAsync("/v1/api-keys", new { name = "ci" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!;
        Assert.Equal(ProblemTypes.PermissionMissing, problem.Type);
        Assert.Contains("ApiKeys", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("restricted to members of automation", problem.Detail, StringComparison.Ordinal);
        using var bob = await SignedInAsync(api, Bob);
        Assert.Equal(HttpStatusCode.Created, (await bob.PostAsJsonAsync("/v1/api-keys", new { name = "ci" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Should_Stop_Signing_In_When_The_Owner_Loses_The_Permission()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = await SignedInAsync(api, Alice);
        var key = await CreateKeyAsync(client);
        using var keyClient = api.ClientWithToken(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await keyClient.GetAsync("/v1/me", Ct)).StatusCode);

        var revision = api.Store.Current.Sequence;
        folder.Write("group.yaml", TenantYaml.SecurityGroup("automation", "ApiKeys", Bob));
        await api.Store.WaitForAsync(s => s.Sequence > revision && s.Config?.SecurityGroups.Count == 1, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await keyClient.GetAsync("/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Should_Refuse_With_400_When_The_Name_Is_Missing()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = await SignedInAsync(api, Alice);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/v1/api-keys", new { name = " " }, Ct)).StatusCode);
    }

    internal static async Task<HttpClient> SignedInAsync(LocalApi api, string email)
    {
        using var anonymous = api.CreateClient();
        var session = await api.SignInAsync(anonymous, email);
        return api.ClientWithToken(session.Token);
    }

    private static async Task<CreatedApiKey> CreateKeyAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/v1/api-keys", new { name = "ci" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<CreatedApiKey>(LocalApi.Json, Ct))!;
    }
}
