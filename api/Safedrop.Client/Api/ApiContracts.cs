namespace Safedrop.Client.Api;

// The JSON shapes of HTTP API v1 as the client sends and reads them (camelCase on the wire). They mirror
// Safedrop.Api's contracts without referencing the server assembly, so the tool ships without ASP.NET Core.

internal sealed record PinRequest(string Email);

internal sealed record PinAccepted(int ExpiresInSeconds);

internal sealed record PinVerifyRequest(string Email, string Pin);

internal sealed record SignedIn(string Token, string Email, DateTimeOffset ExpiresAt);

internal sealed record CreatePackageRequest(IReadOnlyList<string>? Recipients, IReadOnlyList<NewFile> Files, string Verifier);

internal sealed record NewFile(string Name, long Size, string? ContentType);

internal sealed record CreatedPackage(
    string PackageId, string ServerSecret, int PartSize, IReadOnlyList<CreatedFile> Files, DateTimeOffset ExpiresAt, IReadOnlyList<WrapTarget>? WrapFor);

internal sealed record CreatedFile(string FileId, string Name, long Size, long PartCount);

internal sealed record UploadUrlsRequest(string FileId, IReadOnlyList<long> Parts);

internal sealed record TransferUrls(IReadOnlyList<PartUrl> Urls);

internal sealed record PartUrl(long Part, string Method, Uri Url, DateTimeOffset ExpiresAt);

internal sealed record CompletePackageRequest(string? Message, IReadOnlyList<NewWrappedKeycode>? WrappedKeycodes);

internal sealed record NewWrappedKeycode(string Recipient, string DeviceKeyId, string Wrapped);

internal sealed record OpenPackageRequest(string? Verifier, string? DeviceKeyId);

internal sealed record DownloadedRequest(IReadOnlyList<string> FileIds);

internal sealed record OpenedPackageBody(
    string PackageId,
    string Sender,
    string? Dropzone,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string ServerSecret,
    string? WrappedKeycode,
    IReadOnlyList<OpenedFileBody> Files);

internal sealed record OpenedFileBody(string FileId, string Name, long Size, string? ContentType, long PartCount, IReadOnlyList<PartUrl> Parts);

internal sealed record RegisterDeviceKeyRequest(string Name, string PublicKey);

internal sealed record RecipientDeviceKeys(string Email, IReadOnlyList<RecipientDeviceKey> Keys);

internal sealed record RecipientDeviceKey(string Id, string PublicKey);

/// <summary>One entry of a 409 upload-incomplete problem's <c>parts</c> extension.</summary>
internal sealed record FaultyPart(string FileId, long Part, long ExpectedBytes, long? StoredBytes);
