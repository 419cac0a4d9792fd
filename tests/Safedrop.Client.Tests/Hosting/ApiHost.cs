using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Safedrop.Api.Mail;
using Safedrop.Api.Storage;
using Safedrop.Testing;

namespace Safedrop.Client.Tests.Hosting;

/// <summary>
/// The real API in local mode, in memory. With an <see cref="S3Server"/> its objects live on S3 and transfers use
/// presigned URLs to the S3 endpoint (as a cluster with a public storage endpoint does); without, they stream
/// through <c>/v1/transfer</c>.
/// </summary>
/// <param name="extraYaml">More tenant resources beside the Organization and the Dropzone.</param>
internal sealed partial class ApiHost(S3Server? s3 = null, string? extraYaml = null) : WebApplicationFactory<Program>
{
    private readonly string tenantFolder = Tenant.WriteFolder(extraYaml);
    private readonly string bucket = "client-" + Guid.NewGuid().ToString("N")[..12];

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "safedrop-client-tests", "data-" + Guid.NewGuid().ToString("N"));

    public bool Direct => s3 is not null;

    /// <summary>Every log line the API wrote, at every level, to check that no secret reached a log.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public IObjectStore Store => Services.GetRequiredService<IObjectStore>();

    /// <summary>A client as an application would build one, with every request it makes recorded.</summary>
    public (SafedropClient Client, RequestLog Api, RequestLog Storage) NewClient(SafedropClientOptions? options = null)
    {
        var api = new RequestLog(Server.CreateHandler());
        var storage = new RequestLog(new SocketsHttpHandler());
        var client = new SafedropClient(new HttpClient(api) { BaseAddress = Server.BaseAddress }, new HttpClient(storage), options);
        return (client, api, storage);
    }

    /// <summary>The PIN in the newest dev-mailbox mail to <paramref name="email"/>.</summary>
    public string LatestPin(string email)
    {
        var mail = Services.GetRequiredService<DevMailbox>().LatestTo(email) ?? throw new InvalidOperationException($"No mail to {email}.");
        return PinLine().Match(mail.TextBody).Groups[1].Value;
    }

    public async Task SignInAsync(SafedropClient client, string email)
    {
        await client.RequestPinAsync(email, TestContext.Current.CancellationToken);
        await client.SignInAsync(email, LatestPin(email), TestContext.Current.CancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Safedrop:Mode", "Local");
        builder.UseSetting("Safedrop:Local:Folder", tenantFolder);
        builder.UseSetting("Safedrop:Local:DataFolder", DataFolder);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (s3 is null) return;
            services.Replace(ServiceDescriptor.Singleton<IObjectStore>(sp => new MinioObjectStore(new StorageOptions
            {
                Endpoint = s3.Endpoint.ToString(),
                PublicEndpoint = s3.Endpoint.ToString(),
                Bucket = bucket,
                AccessKey = s3.AccessKey,
                SecretKey = s3.SecretKey,
            }, TimeProvider.System)));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var folder in new[] { DataFolder, tenantFolder })
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"Your PIN: (\d+)")]
    private static partial Regex PinLine();
}
