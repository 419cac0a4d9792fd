using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// A web link's token is <c>{id}.{secret}</c>: the id finds the record, the 256-bit secret proves possession.
/// Only SHA-256(secret) is stored and it is compared in constant time, so a leaked bucket yields no usable link
/// and a wrong secret is not told apart from an unknown id.
/// </summary>
public static class WebLinkTokens
{
    public static (string Id, string Secret, string Token) New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (id, secret, $"{id}.{secret}");
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Splits a token; false when it cannot be one (so it never reaches the store).</summary>
    public static bool TryParse(string? token, out string id, out string secret)
    {
        id = secret = "";
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot != 24 || token.Length - dot - 1 != 43) return false;
        id = token[..dot];
        secret = token[(dot + 1)..];
        return id.All(char.IsAsciiHexDigitLower) && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    public static bool Matches(WebLinkRecord link, string secret)
    {
        ArgumentNullException.ThrowIfNull(link);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(link.SecretHash));
    }
}
