using Safedrop.Api.Admin;
using Safedrop.Api.Caches;
using Safedrop.Api.Configuration;
using Safedrop.Api.Health;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.Mail;
using Safedrop.Api.OpenApi;

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
    .AddCaches()
    .AddMail()
    .AddIdentity()
    .AddApiReference();

var app = builder.Build();
app.UseSafedropHttp();
app.UseIdentity();
app.MapHealth();
app.MapApiReference();
app.MapAdmin();
app.MapIdentity();
app.MapDevMailbox();
app.Run();
