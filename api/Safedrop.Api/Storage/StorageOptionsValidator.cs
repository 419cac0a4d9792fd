using Microsoft.Extensions.Options;
using Safedrop.Api.Configuration;

namespace Safedrop.Api.Storage;

// Reads the mode from configuration, like LocalModeOptionsValidator: storage settings matter in cluster mode, and in
// local mode once an endpoint is set (it then uses S3 instead of its folder).
public sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mode = configuration.GetSection(SafedropOptions.SectionName).Get<SafedropOptions>()?.Mode ?? SafedropMode.Cluster;
        if (mode != SafedropMode.Cluster && !options.IsConfigured) return ValidateOptionsResult.Skip;

        var failures = new List<string>();
        if (!IsHttpUrl(options.Endpoint))
            failures.Add($"Safedrop:Storage:Endpoint must be an http(s) URL (in cluster mode the operator sets it), not '{options.Endpoint}'.");
        if (options.PublicEndpoint is { Length: > 0 } publicEndpoint && !IsHttpUrl(publicEndpoint))
            failures.Add($"Safedrop:Storage:PublicEndpoint must be an http(s) URL when set, not '{publicEndpoint}'.");
        if (!IsBucketName(options.Bucket))
            failures.Add($"Safedrop:Storage:Bucket '{options.Bucket}' is not an S3 bucket name (3-63 lower-case letters, digits, '-' and '.').");
        if (string.IsNullOrWhiteSpace(options.Region))
            failures.Add("Safedrop:Storage:Region must not be empty (MinIO's default is us-east-1).");
        if (string.IsNullOrEmpty(options.AccessKey) || string.IsNullOrEmpty(options.SecretKey))
            failures.Add("Safedrop:Storage:AccessKey and Safedrop:Storage:SecretKey are required with an S3 endpoint (in cluster mode the operator sets them from a Secret).");
        if (options.ConnectTimeout <= TimeSpan.Zero || options.RequestTimeout <= TimeSpan.Zero)
            failures.Add("Safedrop:Storage:ConnectTimeout and RequestTimeout must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsBucketName(string? value) =>
        value is { Length: >= 3 and <= 63 }
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.')
        && char.IsAsciiLetterOrDigit(value[0]) && char.IsAsciiLetterOrDigit(value[^1]);
}
