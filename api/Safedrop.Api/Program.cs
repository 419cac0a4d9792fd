using Safedrop.Api.Admin;
using Safedrop.Api.Configuration;
using Safedrop.Api.Health;
using Safedrop.Api.Http;
using Safedrop.Api.OpenApi;
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
    .AddObjectStorage()
    .AddTransfer();

var app = builder.Build();
app.UseSafedropHttp();
app.MapHealth();
app.MapApiReference();
app.MapAdmin();
app.MapTransfer();
app.Run();
