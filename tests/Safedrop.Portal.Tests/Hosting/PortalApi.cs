using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Configuration;
using Safedrop.Api.Mail;

namespace Safedrop.Portal.Tests.Hosting;

/// <summary>
/// The API in local mode on a real loopback port (Kestrel), so that a real browser can load the portal
/// from it: tenant YAML from <paramref name="tenantFolder"/>, files and records in <paramref name="dataFolder"/>.
/// </summary>
public sealed class PortalApi(string tenantFolder, string dataFolder, int port) : WebApplicationFactory<Program>
{
    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}/");

    public TenantConfigStore Store => Services.GetRequiredService<TenantConfigStore>();

    public DevMailbox Mailbox => Services.GetRequiredService<DevMailbox>();

    public void Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Safedrop:Mode", "Local");
        builder.UseSetting("Safedrop:Local:Folder", tenantFolder);
        builder.UseSetting("Safedrop:Local:DataFolder", dataFolder);
        // The folder holds a second Organization (another namespace): this API serves acme.
        builder.UseSetting("Safedrop:Local:Namespace", PortalTenant.Namespace);
        // Every flow signs in by PIN from the same loopback address, several times as the Dropzone owner.
        builder.UseSetting("Safedrop:Identity:PinRequestsPerAddress", "1000");
        builder.UseSetting("Safedrop:Identity:PinRequestsPerClient", "100000");
        builder.UseSetting("Safedrop:Identity:PinVerificationsPerClient", "100000");
    }
}
