using Safedrop.Client.Api;
using Safedrop.Crypto;

namespace Safedrop.Client;

/// <summary>
/// A package the access decision let this caller open: its details, the decrypted message, and what downloading
/// needs (keycode, server secret, part URLs), kept inside.
/// </summary>
public sealed class OpenedPackage
{
    private readonly byte[] serverSecret;

    internal OpenedPackage(OpenedPackageBody body, Keycode keycode, string? message, OpenPackageRequest proof)
    {
        PackageId = body.PackageId;
        Sender = body.Sender;
        Dropzone = body.Dropzone;
        CreatedAt = body.CreatedAt;
        ExpiresAt = body.ExpiresAt;
        Message = message;
        Keycode = keycode;
        Proof = proof;
        serverSecret = Base64Url.Decode(body.ServerSecret);
        Files = [.. body.Files.Select(f => new PackageFile(f.FileId, f.Name, f.Size, f.ContentType ?? "application/octet-stream", f.PartCount))];
        PartUrls = body.Files.ToDictionary(f => f.FileId, f => f.Parts);
    }

    public string PackageId { get; }

    public string Sender { get; }

    public string? Dropzone { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The sender's message, decrypted; null when there is none.</summary>
    public string? Message { get; }

    public IReadOnlyList<PackageFile> Files { get; }

    internal Keycode Keycode { get; }

    /// <summary>How the package was opened, to open it again when download URLs expire.</summary>
    internal OpenPackageRequest Proof { get; }

    internal IReadOnlyDictionary<string, IReadOnlyList<PartUrl>> PartUrls { get; }

    internal byte[] FileKey(string fileId) => PackageKeys.DeriveFileKey(Keycode, serverSecret, PackageId, fileId);

    public override string ToString() => $"OpenedPackage({PackageId} from {Sender}, {Files.Count} file(s))";
}

public sealed record PackageFile(string FileId, string Name, long Size, string ContentType, long PartCount);
