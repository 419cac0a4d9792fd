using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Transfer;

/// <summary>A malformed key is refused at start; in cluster mode some shared key must exist, since replicas verify each other's grants.</summary>
public sealed class TransferOptionsValidator(IConfiguration configuration) : IValidateOptions<TransferOptions>
{
    public ValidateOptionsResult Validate(string? name, TransferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SigningKey) && TransferSigningKey.Decode(options.SigningKey) is null)
            failures.Add($"Safedrop:Transfer:SigningKey must be base64 of at least {TransferSigningKey.Size} bytes.");

        var kek = configuration[TransferOptions.KeyEncryptionKeySetting];
        if (!string.IsNullOrWhiteSpace(kek) && TransferSigningKey.Decode(kek) is null)
            failures.Add($"{TransferOptions.KeyEncryptionKeySetting} must be base64 of at least {TransferSigningKey.Size} bytes.");

        var mode = configuration.GetSection(SafedropOptions.SectionName).Get<SafedropOptions>()?.Mode ?? SafedropMode.Cluster;
        if (mode == SafedropMode.Cluster && string.IsNullOrWhiteSpace(options.SigningKey) && string.IsNullOrWhiteSpace(kek))
            failures.Add($"{TransferOptions.KeyEncryptionKeySetting} is required in cluster mode (the operator sets it from the Organization's key-encryption key Secret).");

        var publicUrl = configuration[TransferOptions.PublicUrlSetting];
        if (!string.IsNullOrWhiteSpace(publicUrl) && !(Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            failures.Add($"{TransferOptions.PublicUrlSetting} must be an http(s) URL when set, not '{publicUrl}'.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
