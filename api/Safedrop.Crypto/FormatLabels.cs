using System.Text;

namespace Safedrop.Crypto;

/// <summary>
/// The fixed labels of format v1 and the one way they are joined with identifiers: label ‖ 0x00 ‖ id ‖ 0x00 ‖ id.
/// The zero byte separates fields, so identifiers must not contain U+0000 (or "a\0b","c" and "a","b\0c" would collide).
/// </summary>
internal static class FormatLabels
{
    public const string Verifier = "safedrop/v1 keycode verifier";
    public const string FileKey = "safedrop/v1 file key";
    public const string Part = "safedrop/v1 part";
    public const string KeycodeWrap = "safedrop/v1 keycode wrap";
    public const string DataKey = "safedrop/v1 data key";

    /// <summary>label ‖ 0x00 ‖ fields[0] ‖ 0x00 ‖ fields[1] …, all UTF-8.</summary>
    public static byte[] Join(string label, params ReadOnlySpan<string> fields)
    {
        var length = Encoding.UTF8.GetByteCount(label);
        foreach (var field in fields) length += 1 + Encoding.UTF8.GetByteCount(field);

        var bytes = new byte[length];
        var written = Encoding.UTF8.GetBytes(label, bytes);
        foreach (var field in fields)
        {
            bytes[written++] = 0;
            written += Encoding.UTF8.GetBytes(field, bytes.AsSpan(written));
        }

        return bytes;
    }

    /// <summary>Package ids, file ids, scopes and object keys: non-empty, no U+0000 (the field separator).</summary>
    public static void ThrowIfInvalidIdentifier(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameterName);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("Identifiers must not contain U+0000, the field separator of format v1.", parameterName);
        }
    }
}
