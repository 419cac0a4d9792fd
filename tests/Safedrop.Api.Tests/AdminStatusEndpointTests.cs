using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Safedrop.Api.Admin;
using Safedrop.Api.Http;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Tests.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Tests;

public class AdminStatusEndpointTests
{
    [Fact]
    public async Task Should_ShowReadyVerdictPerResource_When_TenantIsValid()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);

        var status = await api.GetAdminStatusAsync();

        Assert.Equal(TenantYaml.Namespace, status.Namespace);
        Assert.True(status.Ready);
        Assert.False(string.IsNullOrEmpty(status.ConfigRevision));
        Assert.NotNull(status.CompiledAt);
        Assert.Empty(status.Problems);
        Assert.Collection(status.Resources,
            org => AssertReady(org, Organization.KindName, "acme"),
            dropzone => AssertReady(dropzone, Dropzone.KindName, "invoices"));
    }

    [Fact]
    public async Task Should_RefuseWith401Problem_When_ClientIsNotOnThisMachine_And_NotSignedIn()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { ClientAddress = IPAddress.Parse("203.0.113.7") };
        using var client = api.CreateClient();

        var response = await client.GetAsync("/v1/admin/status", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Equal(ProblemTypes.Unauthorized, problem!.Type);
    }

    [Fact]
    public async Task Should_ServeAdmins_And_RefuseOthers_When_ClientIsNotOnThisMachine()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path) { ClientAddress = IPAddress.Parse("203.0.113.7") };
        using var admin = await api.SignedInClientAsync(TenantYaml.Admin);
        using var user = await api.SignedInClientAsync(TenantYaml.RegisteredUser);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/admin/status", TestContext.Current.CancellationToken)).StatusCode);
        var refused = await user.GetAsync("/v1/admin/status", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ProblemTypes.Forbidden, (await refused.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken))!.Type);
    }

    [Fact]
    public async Task Should_AskForSignIn_When_RequestNamesForeignHost()
    {
        using var folder = TenantFolder.WithSmallTenant();
        await using var api = new LocalApi(folder.Path);
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/admin/status");
        request.Headers.Host = "rebound.evil.example";

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost:5080", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("127.0.0.1:5080", true)]
    [InlineData("[::1]:5080", true)]
    [InlineData("localhost.evil.example", false)]
    [InlineData("10.0.0.1:5080", false)]
    [InlineData("", false)]
    public void Should_TreatOnlyLoopbackNamesAsLocal_When_CheckingHost(string host, bool local) =>
        Assert.Equal(local, AdminOrLocalOperatorFilter.IsLoopbackHost(new HostString(host)));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("2001:db8::1", false)]
    public void Should_TreatOnlyLoopbackAsLocal_When_CheckingClientAddress(string address, bool local) =>
        Assert.Equal(local, AdminOrLocalOperatorFilter.IsLoopback(IPAddress.Parse(address)));

    [Fact]
    public void Should_RefuseClient_When_ConnectionHasNoAddress() =>
        Assert.False(AdminOrLocalOperatorFilter.IsLoopback(null));

    private static void AssertReady(ResourceVerdictResponse resource, string kind, string name)
    {
        Assert.Equal(kind, resource.Kind);
        Assert.Equal(name, resource.Name);
        Assert.Equal(ConditionStatus.True, resource.Ready);
        Assert.Equal(1, resource.Generation);
        Assert.Contains(resource.Conditions, c => c.Type == "Ready" && c.Status == ConditionStatus.True);
    }
}
