using Safedrop.Api.Admin;
using Safedrop.Api.Configuration;
using Safedrop.Api.Health;
using Safedrop.Api.Http;
using Safedrop.Api.OpenApi;

var builder = WebApplication.CreateBuilder(LocalModeArguments.Expand(args));
builder.UseLocalModeDefaults();
builder.Services
    .AddSafedropHttp()
    .AddTenantConfiguration()
    .AddHealth()
    .AddApiReference();

var app = builder.Build();
app.UseSafedropHttp();
app.MapHealth();
app.MapApiReference();
app.MapAdmin();
app.Run();
