using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Transfer;

/// <summary>
/// Signs and verifies the grants in streaming transfer URLs. A token is base64url of
/// <c>version(1) ‖ direction(1) ‖ expiry unix seconds(8, BE) ‖ length(8, BE; -1 for downloads) ‖ key(UTF-8) ‖ HMAC-SHA256(32)</c>,
/// the MAC over everything before it. Opaque to clients; nothing in it is secret, only unforgeable.
/// </summary>
public sealed class TransferGrants(TransferSigningKey signingKey, TimeProvider time)
{
    private const byte Version = 1;
    private const int HeaderSize = 1 + 1 + 8 + 8;
    private const int MacSize = HMACSHA256.HashSizeInBytes;

    public string Sign(TransferGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ObjectKeys.EnsureValid(grant.Key);
        if (grant.Direction == TransferDirection.Upload && grant.Length is not >= 0)
            throw new ArgumentException("An upload grant fixes the object's length.", nameof(grant));

        var key = Encoding.UTF8.GetBytes(grant.Key);
        var token = new byte[HeaderSize + key.Length + MacSize];
        token[0] = Version;
        token[1] = (byte)grant.Direction;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(2), grant.ExpiresAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(10), grant.Direction == TransferDirection.Upload ? grant.Length!.Value : -1);
        key.CopyTo(token.AsSpan(HeaderSize));
        var payloadLength = token.Length - MacSize;
        HMACSHA256.HashData(signingKey.Key, token.AsSpan(0, payloadLength), token.AsSpan(payloadLength));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>
    /// The grant of a token that is well-formed, signed with our key, unexpired and for <paramref name="direction"/>;
    /// otherwise null. Callers answer every failure alike, so a token reveals nothing about why it failed.
    /// </summary>
    public TransferGrant? Verify(string token, TransferDirection direction)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096) return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length <= HeaderSize + MacSize || bytes[0] != Version) return null;
        var payload = bytes.AsSpan(0, bytes.Length - MacSize);
        Span<byte> expected = stackalloc byte[MacSize];
        HMACSHA256.HashData(signingKey.Key, payload, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(payload.Length))) return null;

        // Signed by us from here on: the fields are as we wrote them.
        var granted = (TransferDirection)bytes[1];
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(2)));
        var length = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(10));
        var key = Encoding.UTF8.GetString(payload[HeaderSize..]);
        if (granted != direction || time.GetUtcNow() >= expiresAt) return null;
        return new TransferGrant(key, granted, length >= 0 ? length : null, expiresAt);
    }
}
