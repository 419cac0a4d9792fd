namespace Safedrop.Operator.Platform;

/// <summary>The S3 endpoint the API uses: the managed MinIO or the external one. Credentials sit in a Secret under these keys.</summary>
public sealed record StorageTarget(string Endpoint, string? PublicEndpoint, string Bucket, string Region, string CredentialsSecret)
{
    public const string AccessKeyKey = "accessKey";
    public const string SecretKeyKey = "secretKey";

    /// <summary>The bucket the API creates in the managed MinIO.</summary>
    public const string ManagedBucket = "safedrop";
    public const string ManagedRegion = "us-east-1";

    public static StorageTarget Of(PlatformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Spec.Storage.External is { } external)
            return new StorageTarget(external.Endpoint, external.PublicEndpoint, external.Bucket, external.Region, external.SecretRef.Name);
        return new StorageTarget(
            $"http://{context.Names.Minio}.{context.Namespace}.svc:{MinioBuilder.Port}",
            context.Minio.PublicEndpoint,
            ManagedBucket,
            ManagedRegion,
            context.Names.MinioCredentials);
    }
}
