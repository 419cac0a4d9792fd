using System.Security.Cryptography;
using System.Text;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Identity;

/// <summary>Making and hashing PINs. A PIN is only ever stored as HMAC-SHA256(pepper, address ‖ 0 ‖ pin).</summary>
public sealed class PinCodes(ServerSecrets secrets)
{
    public const int HashLength = 32;

    /// <summary>Uniform random digits (RandomNumberGenerator.GetInt32 has no modulo bias).</summary>
    public static string NewPin(int length)
    {
        var digits = new char[length];
        for (var i = 0; i < length; i++) digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        return new string(digits);
    }

    public byte[] Hash(EmailAddress address, string pin) =>
        HMACSHA256.HashData(secrets.PinPepper, Encoding.UTF8.GetBytes(address.Value + "\0" + pin));

    public static bool IsWellFormed(string? pin) => pin is { Length: >= 4 and <= 16 } && pin.All(char.IsAsciiDigit);
}
