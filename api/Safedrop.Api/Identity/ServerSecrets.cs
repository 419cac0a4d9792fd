using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Identity;

/// <summary>
/// The pepper PIN hashes are keyed with. In a cluster every replica must agree, so it is derived (HKDF) from the
/// Organization's key-encryption key, never used directly; in local mode a random one per process is enough
/// (restarting voids pending PINs, which local mode can afford).
/// </summary>
public sealed class ServerSecrets
{
    private static readonly byte[] PinPepperInfo = "safedrop/v1 pin pepper"u8.ToArray();

    public ServerSecrets(IOptions<SafedropOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (options.Value.Mode == SafedropMode.Local)
        {
            PinPepper = RandomNumberGenerator.GetBytes(32);
            return;
        }

        var encoded = configuration["Safedrop:KeyEncryption:Key"];
        byte[] key;
        try
        {
            key = Convert.FromBase64String(encoded ?? "");
        }
        catch (FormatException)
        {
            key = [];
        }

        if (key.Length < 32)
            throw new InvalidOperationException("Safedrop:KeyEncryption:Key must hold at least 32 bytes, base64, in cluster mode (the operator sets it from the key-encryption Secret).");
        PinPepper = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: PinPepperInfo);
        CryptographicOperations.ZeroMemory(key);
    }

    public byte[] PinPepper { get; }
}
