namespace Safedrop.Crypto;

/// <summary>
/// Base64url without padding (RFC 4648 §5), the only encoding format v1 uses for binary values in JSON and URLs.
/// Decoding is strict: padding, whitespace and the standard alphabet's '+' and '/' are refused, so one value has
/// exactly one spelling (a keycode compared as text can never have two).
/// </summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <exception cref="FormatException">The text is not unpadded base64url.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryDecode(text, out var bytes) ? bytes : throw new FormatException("The value is not unpadded base64url.");
    }

    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length % 4 == 1) return false;
        foreach (var c in text)
        {
            if (!IsAlphabet(c)) return false;
        }

        // Convert's Try method never throws (Base64Url.TryDecodeFromChars throws on bad input).
        var standard = text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        var decoded = new byte[standard.Length / 4 * 3];
        if (!Convert.TryFromBase64String(standard, decoded, out var written)) return false;
        bytes = decoded.AsSpan(0, written).ToArray();
        // Unused low bits of the last character must be zero, or two spellings would decode alike.
        return Encode(bytes).Equals(text, StringComparison.Ordinal);
    }

    private static bool IsAlphabet(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
