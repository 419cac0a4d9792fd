using k8s.Models;

namespace Safedrop.Operator.Platform;

/// <summary>
/// The API's environment in a cluster, as ASP.NET Core configuration keys (<c>__</c> separates
/// sections). Settings are literal; every secret comes from a Secret by reference.
/// </summary>
public static class ApiEnvironment
{
    public const string HttpPorts = "ASPNETCORE_HTTP_PORTS";
    public const string Mode = "Safedrop__Mode";
    public const string PublicUrl = "Safedrop__PublicUrl";
    public const string Namespace = "Safedrop__Cluster__Namespace";
    public const string Organization = "Safedrop__Cluster__Organization";
    public const string ConfigMap = "Safedrop__Cluster__ConfigMap";
    public const string StorageEndpoint = "Safedrop__Storage__Endpoint";
    public const string StoragePublicEndpoint = "Safedrop__Storage__PublicEndpoint";
    public const string StorageBucket = "Safedrop__Storage__Bucket";
    public const string StorageRegion = "Safedrop__Storage__Region";
    public const string StorageAccessKey = "Safedrop__Storage__AccessKey";
    public const string StorageSecretKey = "Safedrop__Storage__SecretKey";
    public const string PinCacheConnectionString = "Safedrop__PinCache__ConnectionString";
    public const string SessionCacheConnectionString = "Safedrop__SessionCache__ConnectionString";
    public const string KeyEncryptionKey = "Safedrop__KeyEncryption__Key";
    public const string PreviousKeyEncryptionKeys = "Safedrop__KeyEncryption__PreviousKeys";
    public const string MailHost = "Safedrop__Mail__Host";
    public const string MailPort = "Safedrop__Mail__Port";
    public const string MailFrom = "Safedrop__Mail__From";
    public const string MailSecurity = "Safedrop__Mail__Security";
    public const string MailUserName = "Safedrop__Mail__UserName";
    public const string MailPassword = "Safedrop__Mail__Password";

    /// <summary>Keys of the Secret named by <c>spec.platform.mail.secretRef</c>.</summary>
    public const string MailUserNameKey = "username";
    public const string MailPasswordKey = "password";

    public static List<V1EnvVar> For(PlatformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var storage = StorageTarget.Of(context);
        List<V1EnvVar> env =
        [
            EnvVars.Literal(HttpPorts, ApiWorkloadBuilder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            EnvVars.Literal(Mode, "Cluster"),
            EnvVars.Literal(Namespace, context.Namespace),
            EnvVars.Literal(Organization, context.Organization),
            EnvVars.Literal(ConfigMap, context.Names.Config),
            EnvVars.Literal(StorageEndpoint, storage.Endpoint),
            EnvVars.Literal(StorageBucket, storage.Bucket),
            EnvVars.Literal(StorageRegion, storage.Region),
            EnvVars.FromSecret(StorageAccessKey, storage.CredentialsSecret, StorageTarget.AccessKeyKey),
            EnvVars.FromSecret(StorageSecretKey, storage.CredentialsSecret, StorageTarget.SecretKeyKey),
            EnvVars.FromSecret(PinCacheConnectionString, context.PinCache.ConnectionSecret, RedisCacheBuilder.ConnectionStringKey),
            EnvVars.FromSecret(SessionCacheConnectionString, context.SessionCache.ConnectionSecret, RedisCacheBuilder.ConnectionStringKey),
            EnvVars.FromSecret(KeyEncryptionKey, context.KeyEncryptionKeySecret, KeyEncryptionKeyBuilder.Key),
            // Present only while a rotation is under way (docs/operations/key-rotation.md).
            EnvVars.FromSecret(PreviousKeyEncryptionKeys, context.KeyEncryptionKeySecret, KeyEncryptionKeyBuilder.PreviousKey, optional: true),
        ];
        if (storage.PublicEndpoint is { } publicEndpoint)
            env.Add(EnvVars.Literal(StoragePublicEndpoint, publicEndpoint));
        if (context.Spec.Api.PublicUrl is { } publicUrl)
            env.Add(EnvVars.Literal(PublicUrl, publicUrl));
        if (context.Spec.Mail is { } mail)
        {
            env.Add(EnvVars.Literal(MailHost, mail.Host));
            env.Add(EnvVars.Literal(MailPort, mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            env.Add(EnvVars.Literal(MailFrom, mail.From));
            env.Add(EnvVars.Literal(MailSecurity, mail.Security.ToString()));
            if (mail.SecretRef is { } credentials)
            {
                env.Add(EnvVars.FromSecret(MailUserName, credentials.Name, MailUserNameKey));
                env.Add(EnvVars.FromSecret(MailPassword, credentials.Name, MailPasswordKey));
            }
        }

        return env;
    }
}
