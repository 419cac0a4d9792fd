using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safedrop.Api.Audit;
using Safedrop.Api.Caches;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Tests.Audit;

/// <summary>
/// Just the audit feature on the API's HTTP pipeline, in memory, with the test sign-in and an admin policy
/// that admits <see cref="Admin"/>: what the identity feature will provide, without depending on it.
/// </summary>
internal sealed class AuditApi : IAsyncDisposable
{
    public const string Admin = "admin@acme.example";
    private readonly WebApplication app;
    private readonly string folder;

    private AuditApi(WebApplication app, string folder)
    {
        this.app = app;
        this.folder = folder;
    }

    public FakeTimeProvider Time => (FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>();

    public IAuditLog Log => app.Services.GetRequiredService<IAuditLog>();

    public IObjectStore Store => app.Services.GetRequiredService<IObjectStore>();

    public static async Task<AuditApi> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "safedrop-audit-api-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var time = new FakeTimeProvider(AuditHarness.Start);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IObjectStore>(new FolderObjectStore(folder, time));
        builder.Services.AddKeyedSingleton<IKeyValueCache>(CacheNames.Session, new MemoryKeyValueCache(TimeProvider.System));
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(options => options.AddPolicy(SafedropClaims.AdminPolicy, policy => policy.RequireClaim(SafedropClaims.Email, Admin)));
        builder.Services.AddSafedropHttp().AddAuditLog();

        var app = builder.Build();
        app.UseSafedropHttp();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAudit();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new AuditApi(app, folder);
    }

    public HttpClient Client(string? signedInAs = Admin)
    {
        var client = app.GetTestClient();
        if (signedInAs is not null) client.DefaultRequestHeaders.Add(TestAuthenticationHandler.Header, signedInAs);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
