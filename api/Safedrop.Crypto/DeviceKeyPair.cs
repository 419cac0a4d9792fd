using System.Security.Cryptography;

namespace Safedrop.Crypto;

/// <summary>
/// A trusted device's P-256 key pair. The public half is registered with the API as SPKI DER in base64url; the private
/// half stays on the device (a PKCS#8 file for the .NET CLI, a non-extractable WebCrypto key in the portal).
/// </summary>
public sealed class DeviceKeyPair : IDisposable
{
    private const string PrivateKeyPemLabel = "PRIVATE KEY";

    private DeviceKeyPair(ECDiffieHellman key)
    {
        Key = key;
    }

    /// <summary>The public key as the API stores it: SPKI DER, base64url.</summary>
    public string PublicKey => Base64Url.Encode(Key.ExportSubjectPublicKeyInfo());

    internal ECDiffieHellman Key { get; }

    public static DeviceKeyPair Generate() => new(ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256));

    /// <exception cref="CryptographicException">Not a PKCS#8 P-256 private key.</exception>
    public static DeviceKeyPair ImportPkcs8(ReadOnlySpan<byte> pkcs8)
    {
        var key = ECDiffieHellman.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8, out var read);
            if (read != pkcs8.Length) throw new CryptographicException("Trailing bytes after the PKCS#8 private key.");
            P256.ThrowIfNotP256(key);
            return new DeviceKeyPair(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Reads a "-----BEGIN PRIVATE KEY-----" PEM file as <see cref="ExportPkcs8Pem"/> writes it.</summary>
    public static DeviceKeyPair ImportPkcs8Pem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var fields = PemEncoding.Find(pem);
        if (!pem.AsSpan()[fields.Label].SequenceEqual(PrivateKeyPemLabel)) throw new CryptographicException("Expected a PEM \"PRIVATE KEY\" (PKCS#8).");
        return ImportPkcs8(Convert.FromBase64String(pem[fields.Base64Data]));
    }

    public byte[] ExportPkcs8() => Key.ExportPkcs8PrivateKey();

    public string ExportPkcs8Pem() => new(PemEncoding.Write(PrivateKeyPemLabel, ExportPkcs8()));

    public byte[] ExportSubjectPublicKeyInfo() => Key.ExportSubjectPublicKeyInfo();

    public void Dispose() => Key.Dispose();
}
