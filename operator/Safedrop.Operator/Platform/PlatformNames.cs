using System.Security.Cryptography;
using System.Text;

namespace Safedrop.Operator.Platform;

/// <summary>
/// Names of an Organization's child objects: <c>safedrop-&lt;org&gt;-&lt;component&gt;</c>, kebab-case and
/// at most 63 characters. A long Organization name is shortened the same way for every child, with
/// a hash of the full name so two long names that share a prefix never collide.
/// </summary>
public sealed class PlatformNames
{
    public const string Prefix = "safedrop-";
    public const int MaxLength = 63;

    // The longest suffix below is "-session-cache-credentials" (26 characters): the stem leaves room for it.
    private const int MaxStemLength = MaxLength - 26;
    private const int HashLength = 6;

    public PlatformNames(string organization)
    {
        ArgumentException.ThrowIfNullOrEmpty(organization);
        Stem = StemFor(organization);
        Instance = LabelValueFor(organization);
    }

    /// <summary><c>safedrop-&lt;org&gt;</c>, shortened when needed.</summary>
    public string Stem { get; }

    /// <summary>The value of the app.kubernetes.io/instance label: the Organization's name, shortened past 63 characters.</summary>
    public string Instance { get; }

    public string Api => Of("api");
    public string Config => Of("config");
    public string KeyEncryptionKey => Of("kek");
    public string Minio => Of("minio");
    public string MinioHeadless => Of("minio-headless");
    public string MinioCredentials => Of("minio-credentials");
    public string PinCache => Of("pin-cache");
    public string PinCacheCredentials => Of("pin-cache-credentials");
    public string SessionCache => Of("session-cache");
    public string SessionCacheCredentials => Of("session-cache-credentials");

    public string Of(string component) => $"{Stem}-{component}";

    private static string StemFor(string organization)
    {
        var kebab = organization.Replace('.', '-');
        var stem = Prefix + kebab;
        if (stem.Length <= MaxStemLength)
            return stem;
        var keep = MaxStemLength - Prefix.Length - HashLength - 1;
        return $"{Prefix}{kebab[..keep].TrimEnd('-')}-{Hash(organization)}";
    }

    private static string LabelValueFor(string organization)
    {
        if (organization.Length <= MaxLength)
            return organization;
        var keep = MaxLength - HashLength - 1;
        return $"{organization[..keep].TrimEnd('-', '.')}-{Hash(organization)}";
    }

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..HashLength];
}
