using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Safedrop.Api.Storage;
using Safedrop.Api.Tests.Hosting;
using Safedrop.Api.Transfer;

namespace Safedrop.Api.Tests.Transfer;

/// <summary>The API in local mode with its own data folder (objects and transfer key), deleted afterwards.</summary>
internal sealed class TransferApi : IAsyncDisposable
{
    private readonly TenantFolder tenant = TenantFolder.WithSmallTenant();

    public TransferApi(Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "safedrop-api-tests", "data-" + Guid.NewGuid().ToString("N"));
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Safedrop:Local:DataFolder"] = DataFolder };
        var local = new LocalApi(tenant.Path) { Settings = all };
        Factory = services is null ? local : local.WithWebHostBuilder(builder => builder.ConfigureServices(services));
    }

    public string DataFolder { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public IObjectStore Store => Factory.Services.GetRequiredService<IObjectStore>();

    public TransferGrants Grants => Factory.Services.GetRequiredService<TransferGrants>();

    public ITransferUrls Urls => Factory.Services.GetRequiredService<ITransferUrls>();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        tenant.Dispose();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }
}
