using Microsoft.Extensions.Options;
using Safedrop.Api.Encryption;

namespace Safedrop.Api.Transfer;

/// <summary>
/// The HMAC key of transfer grants, resolved once: <see cref="TransferOptions.SigningKey"/> when set, else
/// derived from the key-encryption key (HKDF, info "safedrop/v1 transfer grant"), which every replica shares
/// (local mode keeps it in a file, so URLs survive a restart).
/// </summary>
public sealed class TransferSigningKey
{
    public const int Size = 32;
    private const string Purpose = "safedrop/v1 transfer grant";

    public TransferSigningKey(IOptions<TransferOptions> transfer, KeyEncryptionKeys keys)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        ArgumentNullException.ThrowIfNull(keys);
        Key = Decode(transfer.Value.SigningKey) ?? keys.Current.DeriveKey(Purpose);
    }

    internal byte[] Key { get; }

    /// <summary>The base64 value as bytes; null when unset. Validation has already refused a malformed value.</summary>
    internal static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var written) && written >= Size ? bytes[..written] : null;
    }
}
