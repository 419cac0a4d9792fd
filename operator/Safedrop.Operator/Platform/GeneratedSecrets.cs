using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;

namespace Safedrop.Operator.Platform;

/// <summary>
/// Secrets the operator generates once and then keeps: every value already in the existing Secret
/// is carried over byte for byte, and only missing keys get fresh random values. Rotating them on a
/// reconcile would lock the API out of MinIO and Redis, or make stored data undecryptable.
/// </summary>
public static class GeneratedSecrets
{
    private const string UpperAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The existing value of <paramref name="key"/>, or a new one.</summary>
    public static byte[] Keep(IDictionary<string, byte[]>? existing, string key, Func<string> generate)
    {
        ArgumentNullException.ThrowIfNull(generate);
        return existing is not null && existing.TryGetValue(key, out var value) && value is { Length: > 0 }
            ? [.. value]
            : Encoding.UTF8.GetBytes(generate());
    }

    /// <summary>An S3-style access key: 20 upper-case letters and digits.</summary>
    public static string AccessKey() => RandomNumberGenerator.GetString(UpperAndDigits, 20);

    /// <summary>An S3-style secret key, also used as a Redis password: 40 letters and digits.</summary>
    public static string SecretKey() => RandomNumberGenerator.GetString(Alphanumeric, 40);

    /// <summary>A 256-bit key, base64-encoded so it travels as text (for example in an environment variable).</summary>
    public static string Key256() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static V1Secret Secret(V1ObjectMeta metadata, IDictionary<string, byte[]> data) => new V1Secret
    {
        Metadata = metadata,
        Type = "Opaque",
        Data = data,
    }.Initialize();
}
