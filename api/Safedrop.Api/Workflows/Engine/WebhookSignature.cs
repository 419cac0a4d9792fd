using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// <c>Safedrop-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + body))</c> with <c>Safedrop-Timestamp</c> in unix
/// seconds; receivers recompute it and refuse timestamps older than five minutes (docs/webhooks.md).
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "Safedrop-Timestamp";
    public const string SignatureHeader = "Safedrop-Signature";
    public const string Version = "v1";

    public static string Sign(ReadOnlySpan<byte> secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Version + "=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, signed));
    }

    /// <summary>Constant-time check of a header value against the expected signature.</summary>
    public static bool Verify(ReadOnlySpan<byte> secret, long timestamp, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(header));
}
