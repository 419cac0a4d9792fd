using System.Security.Cryptography;

namespace Safedrop.Crypto;

/// <summary>
/// The 32 random bytes a sender's client makes for a package. It travels only in a link's fragment
/// (<c>/p/{packageId}#k=&lt;base64url&gt;</c>), so the API never sees it; with the server secret it derives every file key.
/// <see cref="ToString"/> is redacted so a keycode cannot reach a log line by accident; <see cref="Dispose"/> zeroes it
/// where a holder (the workflow engine) keeps one only for a while.
/// </summary>
public sealed class Keycode : IDisposable
{
    public const int Size = 32;

    private readonly byte[] bytes;

    private Keycode(byte[] bytes)
    {
        this.bytes = bytes;
    }

    public ReadOnlySpan<byte> Bytes => bytes;

    public static Keycode Generate() => new(RandomNumberGenerator.GetBytes(Size));

    public static Keycode FromBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length != Size) throw new ArgumentException($"A keycode is {Size} bytes.", nameof(value));
        return new Keycode(value.ToArray());
    }

    /// <exception cref="FormatException">Not unpadded base64url of 32 bytes.</exception>
    public static Keycode Parse(string text) =>
        TryParse(text, out var keycode) ? keycode : throw new FormatException($"A keycode is {Size} bytes in unpadded base64url.");

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Keycode? keycode)
    {
        keycode = Base64Url.TryDecode(text, out var value) && value.Length == Size ? new Keycode(value) : null;
        return keycode is not null;
    }

    /// <summary>The form that goes after <c>#k=</c> in a package link.</summary>
    public string ToBase64Url() => Base64Url.Encode(bytes);

    /// <summary>The proof of link possession the client sends to the API; see <see cref="KeycodeVerifier"/>.</summary>
    public byte[] DeriveVerifier() => KeycodeVerifier.Derive(this);

    public override string ToString() => "Keycode(redacted)";

    public void Dispose() => CryptographicOperations.ZeroMemory(bytes);
}
