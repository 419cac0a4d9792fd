using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Safedrop.Api.Admin;
using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Mail;
using Safedrop.Api.Tests.Fixtures;

namespace Safedrop.Api.Tests.Hosting;

/// <summary>The API in local mode on a test folder, in memory, with requests coming from <see cref="ClientAddress"/>.</summary>
public sealed class LocalApi(string folder) : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public IPAddress ClientAddress { get; init; } = IPAddress.Loopback;

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Further service changes (a fake clock, Redis caches, a log capture), applied after the app's own.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    public TenantConfigStore Store => Services.GetRequiredService<TenantConfigStore>();

    /// <summary>Where this run keeps objects and keys (the local stand-in for object storage); deleted on dispose.</summary>
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "safedrop-api-tests", "data-" + Guid.NewGuid().ToString("N"));

    public DevMailbox Mailbox => Services.GetRequiredService<DevMailbox>();

    /// <summary>The audit events recorded (and made durable by the app's real audit log).</summary>
    public IReadOnlyList<AuditEvent> AuditEvents => (Services.GetRequiredService<IAuditLog>() as RecordingAuditLog)?.Events ?? [];

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
        // Records and files of this run stay out of the working directory.
        builder.UseSetting("Safedrop:Local:DataFolder", DataFolder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressStartupFilter(ClientAddress)));
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IAuditLog>(sp => new RecordingAuditLog(sp.GetRequiredService<AuditLog>())));
            ConfigureTestServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
