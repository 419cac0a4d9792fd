using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.Tests.Hosting;

namespace Safedrop.Api.Tests.Identity;

public sealed class SessionTests
{
    private const string Alice = TenantYaml.RegisteredUser;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_Answer_401_Problem_When_Not_Signed_In()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();

        var response = await client.GetAsync("/v1/me", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ProblemTypes.Unauthorized, (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Type);
    }

    [Fact]
    public async Task Should_Describe_The_Caller_When_Signed_In()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var anonymous = api.CreateClient();
        var session = await api.SignInAsync(anonymous, TenantYaml.Admin);
        using var client = api.ClientWithToken(session.Token);

        var me = await client.GetFromJsonAsync<MeResponse>("/v1/me", LocalApi.Json, Ct);

        Assert.Equal(TenantYaml.Admin, me!.Email);
        Assert.True(me.Registered);
        Assert.True(me.Admin);
        Assert.Equal("acme", me.Organization);
        var apiKeys = Assert.Single(me.Permissions, p => p.Permission == "ApiKeys");
        Assert.True(apiKeys.Held);
        Assert.Contains("every registered user", apiKeys.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Set_A_Strict_Http_Only_Cookie_When_Signed_In()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();
        await client.RequestPinAsync(Alice);

        var response = await client.VerifyPinAsync(Alice, api.LatestPin(Alice));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        var token = (await response.Content.ReadFromJsonAsync<SignedInResponse>(LocalApi.Json, Ct))!.Token;
        Assert.StartsWith($"safedrop_session={token};", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_Sign_In_When_The_Session_Cookie_Is_Sent()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var anonymous = api.CreateClient();
        var session = await api.SignInAsync(anonymous, Alice);
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/me");
        request.Headers.Add("Cookie", $"{SafedropAuthenticationHandler.CookieName}={session.Token}");

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_End_The_Session_When_Signed_Out()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var anonymous = api.CreateClient();
        var session = await api.SignInAsync(anonymous, Alice);
        using var client = api.ClientWithToken(session.Token);

        var signOut = await client.PostAsync("/v1/auth/sign-out", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Should_End_The_Session_When_Idle_Longer_Than_The_Idle_Timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { ConfigureTestServices = s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)) };
        using var anonymous = api.CreateClient();
        var session = await api.SignInAsync(anonymous, Alice);
        using var client = api.ClientWithToken(session.Token);

        // Each use within the idle timeout (30 minutes) moves it forward.
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/me", Ct)).StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Should_End_The_Session_When_The_Absolute_Timeout_Passes_Despite_Activity()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { ConfigureTestServices = s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)) };
        using var anonymous = api.CreateClient();
        var session = await api.SignInAsync(anonymous, Alice);
        using var client = api.ClientWithToken(session.Token);

        // Active every 20 minutes for 11h40: still in (12 hours absolute by default).
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/me", Ct)).StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/me", Ct)).StatusCode);
    }
}
