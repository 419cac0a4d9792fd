using Safedrop.Api.Admin;
using Safedrop.Api.Configuration;
using Safedrop.Api.Encryption;
using Safedrop.Api.Health;
using Safedrop.Api.Http;
using Safedrop.Api.Metrics;
using Safedrop.Api.OpenApi;
using Safedrop.Api.Portal;
using Safedrop.Api.Storage;
using Safedrop.Api.Transfer;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = LocalModeArguments.Expand(args),
    // `dotnet run` starts in the caller's directory (for --local paths); settings and assets live beside the binary.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.UseLocalModeDefaults();
builder.Services
    .AddSafedropHttp()
    .AddTenantConfiguration()
    .AddHealth()
    .AddApiReference()
    .AddApiMetrics()
    .AddObjectStorage()
    .AddKeyEncryption()
    .AddTransfer();

var app = builder.Build();
app.UseSafedropHttp();
app.UseApiMetrics();
app.UsePortal();
app.MapHealth();
app.MapApiReference();
app.MapAdmin();
app.MapApiMetrics();
app.MapPortal();
app.MapTransfer();
app.Run();
