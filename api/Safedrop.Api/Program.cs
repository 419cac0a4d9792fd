using Safedrop.Api.Admin;
using Safedrop.Api.Audit;
using Safedrop.Api.Caches;
using Safedrop.Api.Configuration;
using Safedrop.Api.Dropzones;
using Safedrop.Api.Encryption;
using Safedrop.Api.Health;
using Safedrop.Api.Http;
using Safedrop.Api.Identity;
using Safedrop.Api.Mail;
using Safedrop.Api.Metrics;
using Safedrop.Api.OpenApi;
using Safedrop.Api.Packages;
using Safedrop.Api.Portal;
using Safedrop.Api.SecurityGroups;
using Safedrop.Api.Storage;
using Safedrop.Api.Transfer;
using Safedrop.Api.Workflows;
using Safedrop.Api.Workflows.Api;
using Safedrop.Api.Workspaces;
using Safedrop.Api.Workspaces.Sharing;
using Safedrop.Api.WriteBack;

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
    .AddCaches()
    .AddMail()
    .AddKeyEncryption()
    .AddAuditLog()
    .AddIdentity()
    .AddTransfer()
    .AddPackages()
    .AddResourceWriteBack()
    .AddSecurityGroups()
    .AddWorkspaces()
    .AddWorkspaceSharing()
    .AddWorkflowEngine()
    .AddWorkflowApi()
    .AddKeyRotation();

var app = builder.Build().ValidateSettings();
app.UseSafedropHttp();
app.UseApiMetrics();
app.UseIdentity();
app.UsePortal();
app.MapHealth();
app.MapApiReference();
app.MapAdmin();
app.MapAudit();
app.MapIdentity();
app.MapDevMailbox();
app.MapPackages();
app.MapDropzones();
app.MapDropzoneSettings();
app.MapSecurityGroups();
app.MapWorkspaces();
app.MapWorkspaceSharing();
app.MapWorkflowApi();
app.MapTransfer();
app.MapApiMetrics();
app.MapPortal();
app.Run();
