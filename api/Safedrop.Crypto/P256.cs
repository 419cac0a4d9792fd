using System.Security.Cryptography;

namespace Safedrop.Crypto;

/// <summary>P-256 helpers for device-key wrapping: the raw uncompressed point (0x04 ‖ X ‖ Y) WebCrypto exports, and curve checks.</summary>
internal static class P256
{
    public const int CoordinateSize = 32;
    public const int RawPublicKeySize = 1 + 2 * CoordinateSize;
    private const string CurveOid = "1.2.840.10045.3.1.7";

    public static byte[] ExportRawPublicKey(ECDiffieHellman key)
    {
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        var raw = new byte[RawPublicKeySize];
        raw[0] = 0x04;
        (q.X ?? throw new CryptographicException("No public point.")).CopyTo(raw, 1);
        (q.Y ?? throw new CryptographicException("No public point.")).CopyTo(raw, 1 + CoordinateSize);
        return raw;
    }

    /// <summary>Imports a raw uncompressed point; the import rejects points not on the curve.</summary>
    /// <exception cref="CryptographicException">Not an uncompressed P-256 point.</exception>
    public static ECDiffieHellman ImportRawPublicKey(ReadOnlySpan<byte> raw)
    {
        if (raw.Length != RawPublicKeySize || raw[0] != 0x04) throw new CryptographicException("Expected an uncompressed P-256 point.");
        return ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = raw.Slice(1, CoordinateSize).ToArray(), Y = raw.Slice(1 + CoordinateSize).ToArray() },
        });
    }

    /// <exception cref="CryptographicException">SPKI DER of anything but a P-256 public key.</exception>
    public static ECDiffieHellman ImportSubjectPublicKeyInfo(ReadOnlySpan<byte> spki)
    {
        var key = ECDiffieHellman.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length) throw new CryptographicException("Trailing bytes after the public key.");
            ThrowIfNotP256(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public static void ThrowIfNotP256(ECDiffieHellman key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (!curve.IsNamed || (curve.Oid.Value != CurveOid && curve.Oid.FriendlyName is not ("nistP256" or "ECDSA_P256" or "ECDH_P256")))
        {
            throw new CryptographicException("Device keys are P-256.");
        }
    }
}
