using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Transfer;

/// <summary>
/// The HMAC key of transfer grants, resolved once: <see cref="TransferOptions.SigningKey"/> when set, else
/// HKDF-SHA256 of the key-encryption key (info "safedrop/v1 transfer grant"), else, in local mode only, a
/// random key kept in <c>transfer.key</c> under the data folder so that URLs survive a restart.
/// </summary>
public sealed class TransferSigningKey
{
    public const int Size = 32;
    public const string LocalKeyFile = "transfer.key";
    private static readonly byte[] Info = Encoding.UTF8.GetBytes("safedrop/v1 transfer grant");

    public TransferSigningKey(IOptions<TransferOptions> transfer, IOptions<SafedropOptions> safedrop, IOptions<LocalModeOptions> local, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        ArgumentNullException.ThrowIfNull(safedrop);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(configuration);
        if (Decode(transfer.Value.SigningKey) is { } explicitKey)
            Key = explicitKey;
        else if (Decode(configuration[TransferOptions.KeyEncryptionKeySetting]) is { } kek)
            Key = HKDF.DeriveKey(HashAlgorithmName.SHA256, kek, Size, salt: [], info: Info);
        else if (safedrop.Value.Mode == SafedropMode.Local)
            Key = LoadOrCreate(Path.Combine(local.Value.DataFolder, LocalKeyFile));
        else
            throw new InvalidOperationException($"No transfer signing key: set {TransferOptions.KeyEncryptionKeySetting} (the operator does) or Safedrop:Transfer:SigningKey.");
    }

    internal byte[] Key { get; }

    /// <summary>The base64 value as bytes; null when unset. Validation has already refused a malformed value.</summary>
    internal static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var written) && written >= Size ? bytes[..written] : null;
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path) && Decode(File.ReadAllText(path)) is { } existing) return existing;

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var staging = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(staging, Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(Size)));
        }

        try
        {
            // A second process starting at the same moment keeps the first key written.
            File.Move(staging, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(staging);
        }

        return Decode(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} does not hold a base64 key of at least {Size} bytes; delete it to make a new one.");
    }
}
