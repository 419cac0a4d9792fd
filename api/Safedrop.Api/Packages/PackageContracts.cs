namespace Safedrop.Api.Packages;

/// <param name="Recipients">Addresses a registered sender sends to; not used for Dropzone uploads.</param>
/// <param name="Verifier">The keycode verifier (base64url): proves link possession later; the keycode itself never comes here.</param>
public sealed record CreatePackageRequest(IReadOnlyList<string>? Recipients, IReadOnlyList<NewFile> Files, string Verifier);

/// <param name="Size">Plaintext bytes.</param>
public sealed record NewFile(string Name, long Size, string? ContentType);

/// <param name="ServerSecret">The package's server secret (base64url), which the client combines with its keycode.</param>
/// <param name="WrapFor">
/// Keys the client must wrap the keycode for and send at completion: the workflow keys of the readers' and the sender's
/// workflows that copy packages (docs/encryption.md, "Workflow keys").
/// </param>
public sealed record CreatedPackage(
    string PackageId, string ServerSecret, int PartSize, IReadOnlyList<CreatedFile> Files, DateTimeOffset ExpiresAt, IReadOnlyList<WrapTarget> WrapFor);

/// <param name="Recipient">Whose key it is (goes into the wrapped keycode's recipient).</param>
/// <param name="PublicKey">P-256 SPKI DER, base64url.</param>
/// <param name="Purpose">What the key is for, for people: <c>Workflow "name"</c>.</param>
public sealed record WrapTarget(string Recipient, string DeviceKeyId, string PublicKey, string Purpose);

public sealed record CreatedFile(string FileId, string Name, long Size, long PartCount);

public sealed record UploadUrlsRequest(string FileId, IReadOnlyList<long> Parts);

public sealed record TransferUrls(IReadOnlyList<PartUrl> Urls);

/// <param name="Method">PUT for uploads, GET for downloads.</param>
public sealed record PartUrl(long Part, string Method, Uri Url, DateTimeOffset ExpiresAt);

/// <param name="Message">The message sealed by the client under the package's message key (base64url), if any: sealed only once the package id and server secret are known.</param>
public sealed record CompletePackageRequest(string? Message, IReadOnlyList<NewWrappedKeycode>? WrappedKeycodes);

/// <param name="Wrapped">The keycode wrapped for the device key (base64url; format in docs/encryption.md).</param>
public sealed record NewWrappedKeycode(string Recipient, string DeviceKeyId, string Wrapped);

/// <summary>Proof of link possession: the keycode verifier, or the id of one of the caller's device keys the keycode was wrapped for.</summary>
public sealed record OpenPackageRequest(string? Verifier, string? DeviceKeyId);

public sealed record OpenedPackage(
    string PackageId,
    string Sender,
    string? Dropzone,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string ServerSecret,
    string? WrappedKeycode,
    int PartSize,
    IReadOnlyList<OpenedFile> Files);

public sealed record OpenedFile(string FileId, string Name, long Size, string ContentType, long PartCount, IReadOnlyList<PartUrl> Parts);

public sealed record PackageSummary(
    string PackageId,
    string Sender,
    IReadOnlyList<string> Recipients,
    string? Dropzone,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<FileSummary> Files)
{
    public static PackageSummary From(PackageRecord package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return new(package.Id, package.Sender, package.Recipients, package.Dropzone, package.CreatedAt, package.ExpiresAt,
            [.. package.Files.Select(f => new FileSummary(f.FileId, f.Name, f.Size))]);
    }
}

public sealed record FileSummary(string FileId, string Name, long Size);
