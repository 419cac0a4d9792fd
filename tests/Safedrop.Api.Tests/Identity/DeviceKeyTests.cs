using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests.Identity;

public sealed class DeviceKeyTests
{
    private const string Alice = TenantYaml.RegisteredUser;
    private const string Bob = "bob@acme.example";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Register_And_Offer_The_Key_To_Senders_When_It_Is_A_P256_Spki()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var alice = await ApiKeyTests.SignedInAsync(api, Alice);
        var publicKey = P256PublicKey();

        var created = await alice.PostAsJsonAsync("/v1/device-keys", new { name = "laptop", publicKey }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await created.Content.ReadFromJsonAsync<DeviceKeyResponse>(LocalApi.Json, Ct))!;
        Assert.Equal(publicKey, key.PublicKey);
        Assert.Contains(key.Id, await alice.GetStringAsync("/v1/device-keys", Ct), StringComparison.Ordinal);

        using var bob = await ApiKeyTests.SignedInAsync(api, Bob);
        var recipients = await bob.GetFromJsonAsync<List<RecipientDeviceKeys>>($"/v1/device-keys/recipients?email={Alice}&email={Bob}", LocalApi.Json, Ct);
        Assert.NotNull(recipients);
        Assert.Equal([Alice, Bob], recipients.Select(r => r.Email));
        Assert.Equal(publicKey, Assert.Single(recipients[0].Keys).PublicKey);
        Assert.Empty(recipients[1].Keys);
    }

    [Fact]
    public async Task Should_Remove_The_Key_When_Deleted()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var alice = await ApiKeyTests.SignedInAsync(api, Alice);
        var created = await alice.PostAsJsonAsync("/v1/device-keys", new { name = "laptop", publicKey = P256PublicKey() }, Ct);
        var key = (await created.Content.ReadFromJsonAsync<DeviceKeyResponse>(LocalApi.Json, Ct))!;

        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/v1/device-keys/{key.Id}", Ct)).StatusCode);
        Assert.Equal("[]", await alice.GetStringAsync("/v1/device-keys", Ct));
    }

    public static TheoryData<string, string> InvalidKeys() => new()
    {
        { "not base64url", "!!!" },
        { "random bytes", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(91)) },
        { "P-384", PublicKeyOn(ECCurve.NamedCurves.nistP384) },
        { "RSA", RsaPublicKey() },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task Should_Refuse_With_400_When_The_Key_Is_Not_A_P256_Spki(string kind, string publicKey)
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var alice = await ApiKeyTests.SignedInAsync(api, Alice);

        var response = await alice.PostAsJsonAsync("/v1/device-keys", new { name = kind, publicKey }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("[]", await alice.GetStringAsync("/v1/device-keys", Ct));
    }

    [Fact]
    public async Task Should_Answer_403_Naming_The_Permission_When_A_Security_Group_Restricts_Device_Keys()
    {
        using var folder = TenantFolder.WithSmallTenant();
        folder.Write("group.yaml", TenantYaml.SecurityGroup("trusted-devices", "TrustedDeviceKeys", Bob));
        await using var api = new LocalApi(folder.Path);
        using var alice = await ApiKeyTests.SignedInAsync(api, Alice);

        var response = await alice.PostAsJsonAsync("/v1/device-keys", new { name = "laptop", publicKey = P256PublicKey() }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!;
        Assert.Equal(ProblemTypes.PermissionMissing, problem.Type);
        Assert.Contains("TrustedDeviceKeys", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("restricted to members of trusted-devices", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Answer_401_When_Recipients_Are_Asked_For_Without_Signing_In()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/v1/device-keys/recipients?email={Alice}", Ct)).StatusCode);
    }

    private static string P256PublicKey() => PublicKeyOn(ECCurve.NamedCurves.nistP256);

    private static string PublicKeyOn(ECCurve curve)
    {
        using var key = ECDiffieHellman.Create(curve);
        return Base64Url.EncodeToString(key.ExportSubjectPublicKeyInfo());
    }

    private static string RsaPublicKey()
    {
        using var rsa = RSA.Create(2048);
        return Base64Url.EncodeToString(rsa.ExportSubjectPublicKeyInfo());
    }
}
