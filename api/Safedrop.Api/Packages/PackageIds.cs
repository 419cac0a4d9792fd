using System.Security.Cryptography;

namespace Safedrop.Api.Packages;

/// <summary>Package ids: 128 random bits in lowercase base32 (26 characters), safe in URLs and object keys.</summary>
public static class PackageIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    public const int Length = 26;

    public static string New()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        Span<char> id = stackalloc char[Length];
        var bits = 0;
        var buffer = 0;
        var index = 0;
        foreach (var b in random)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                id[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        id[index] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(id);
    }

    public static bool IsWellFormed(string? id) => id is { Length: Length } && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
