using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Admin;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Tests.Hosting;

/// <summary>The API in local mode on a test folder, in memory, with requests coming from <see cref="ClientAddress"/>.</summary>
public sealed class LocalApi(string folder) : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public IPAddress ClientAddress { get; init; } = IPAddress.Loopback;

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public TenantConfigStore Store => Services.GetRequiredService<TenantConfigStore>();

    public async Task<AdminStatusResponse> GetAdminStatusAsync()
    {
        using var client = CreateClient();
        var status = await client.GetFromJsonAsync<AdminStatusResponse>("/v1/admin/status", Json, TestContext.Current.CancellationToken);
        return status!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Safedrop:Mode", "Local");
        builder.UseSetting("Safedrop:Local:Folder", folder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressStartupFilter(ClientAddress)));
    }
}
