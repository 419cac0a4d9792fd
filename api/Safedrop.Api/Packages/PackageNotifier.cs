using Safedrop.Api.Http;
using Safedrop.Api.Mail;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Packages;

/// <summary>
/// Tells recipients (or a Dropzone's owner and members) that a package arrived. The link carries no
/// keycode: the API never has it. Readers open it with a trusted device key, or with the secure link
/// the sender passes on.
/// </summary>
public sealed partial class PackageNotifier(IMailSender mail, PublicUrls urls, ILogger<PackageNotifier> logger)
{
    public async Task NotifyAsync(PackageRecord package, IReadOnlyCollection<string> readers, TenantConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(config);
        var organization = config.Organization?.DisplayName ?? config.Organization?.Name ?? "Safedrop";
        var link = urls.For("p/" + package.Id);
        var where = package.Dropzone is { } name && config.Dropzones.TryGetValue(name, out var dropzone)
            ? $"through the Dropzone \"{dropzone.DisplayName ?? dropzone.Name}\""
            : "to you";
        var files = string.Join(Environment.NewLine, package.Files.Select(f => $"  - {f.Name} ({PackageLimits.Bytes(f.Size)})"));
        foreach (var reader in readers)
        {
            var body = $"""
                {package.Sender} sent a package {where} on {organization}'s Safedrop:

                {files}

                Open it: {link}
                You will confirm your e-mail address with a PIN. Files are end-to-end encrypted; if this browser
                or device has no key for this package, ask the sender for the secure link.
                The package is kept until {package.ExpiresAt:yyyy-MM-dd HH:mm} UTC.
                """;
            try
            {
                await mail.SendAsync(new OutgoingMail(reader, $"New package from {package.Sender}", body), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The package is stored and listed in the reader's box; a lost notice must not undo the upload.
                LogNotifyFailed(package.Id, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the notice for package {PackageId}")]
    private partial void LogNotifyFailed(string packageId, Exception exception);
}
