using Safedrop.Testing;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safedrop.Api.Identity;
using Safedrop.Api.Tests.Fixtures;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests.Identity;

public sealed class SecretsInLogsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Keep_Pin_Token_And_Api_Key_Out_Of_The_Logs_When_A_User_Signs_In()
    {
        var logs = new CapturingLoggerProvider();
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path)
        {
            Settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" },
            ConfigureTestServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        using var client = api.CreateClient();

        await client.RequestPinAsync(TenantYaml.RegisteredUser);
        var pin = api.LatestPin(TenantYaml.RegisteredUser);
        await client.VerifyPinAsync(TenantYaml.RegisteredUser, "00000000");
        var session = await api.SignInAsync(client, TenantYaml.RegisteredUser);
        using var signedIn = api.ClientWithToken(session.Token);
        var created = await signedIn.PostAsJsonAsync("/v1/api-keys", new { name = "ci" }, Ct);
        var key = (await created.Content.ReadFromJsonAsync<CreatedApiKey>(LocalApi.Json, Ct))!;
        using var keyClient = api.ClientWithToken(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await keyClient.GetAsync("/v1/me", Ct)).StatusCode);
        await signedIn.PostAsync("/v1/auth/sign-out", null, Ct);

        var text = logs.Text;
        Assert.Contains("signed in by PIN", text, StringComparison.Ordinal);
        Assert.DoesNotContain(pin, text, StringComparison.Ordinal);
        Assert.DoesNotContain(api.LatestPin(TenantYaml.RegisteredUser), text, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Secret[^20..], text, StringComparison.Ordinal);
    }
}
