using System.Buffers.Text;
using System.Security.Cryptography;

namespace Safedrop.Api.Identity.DeviceKeys;

/// <summary>Checks that a presented device key is what senders' clients can wrap keycodes for: a P-256 SPKI.</summary>
public static class DevicePublicKey
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Null when valid, else why not.</summary>
    public static string? Validate(string? publicKey)
    {
        if (string.IsNullOrWhiteSpace(publicKey) || publicKey.Length > 1024)
            return "publicKey is required: a P-256 SubjectPublicKeyInfo (DER), base64url without padding.";
        if (!Base64Url.IsValid(publicKey, out _)) return "publicKey is not base64url.";

        try
        {
            var der = Base64Url.DecodeFromChars(publicKey);
            using var ecdh = ECDiffieHellman.Create();
            ecdh.ImportSubjectPublicKeyInfo(der, out var read);
            if (read != der.Length) return "publicKey has trailing bytes after the SubjectPublicKeyInfo.";
            var curve = ecdh.ExportParameters(includePrivateParameters: false).Curve;
            return curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1") ? null : "publicKey must be on curve P-256 (secp256r1).";
        }
        catch (CryptographicException)
        {
            return "publicKey is not an elliptic-curve SubjectPublicKeyInfo.";
        }
    }
}
