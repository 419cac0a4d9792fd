using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Identity;

/// <summary>Stable, non-reversible ids for addresses and tokens, used in cache and object keys.</summary>
public static class IdentityHashes
{
    /// <summary>Lower-case hex SHA-256 of the normalised address: a key part without '@' or personal data in clear.</summary>
    public static string OwnerId(EmailAddress address) => Hex(Encoding.UTF8.GetBytes(address.Value));

    /// <summary>Lower-case hex SHA-256 of a secret token; what is stored instead of the token.</summary>
    public static string OfToken(string token) => Hex(Encoding.UTF8.GetBytes(token));

    public static string Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string NewToken(int bytes = 32) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
