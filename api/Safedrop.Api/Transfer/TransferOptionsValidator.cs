using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Transfer;

/// <summary>A malformed signing key or public URL is refused at start.</summary>
public sealed class TransferOptionsValidator(IConfiguration configuration) : IValidateOptions<TransferOptions>
{
    public ValidateOptionsResult Validate(string? name, TransferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SigningKey) && TransferSigningKey.Decode(options.SigningKey) is null)
            failures.Add($"Safedrop:Transfer:SigningKey must be base64 of at least {TransferSigningKey.Size} bytes.");

        var publicUrl = configuration[TransferOptions.PublicUrlSetting];
        if (!string.IsNullOrWhiteSpace(publicUrl) && !(Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            failures.Add($"{TransferOptions.PublicUrlSetting} must be an http(s) URL when set, not '{publicUrl}'.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
