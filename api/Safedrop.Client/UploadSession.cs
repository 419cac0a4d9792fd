using System.Collections.Concurrent;
using Safedrop.Crypto;

namespace Safedrop.Client;

/// <summary>
/// A package being uploaded. Keep it to resume after a failure: <see cref="SafedropClient.UploadAsync"/> called again
/// with the same files re-sends only the parts not yet stored. It holds the keycode and the server secret, so it is
/// as secret as the link itself: never log or persist it in clear where others can read it.
/// </summary>
public sealed class UploadSession
{
    private readonly ConcurrentDictionary<(string FileId, long Part), bool> uploaded = new();
    private readonly byte[] serverSecret;

    internal UploadSession(Uri baseAddress, string packageId, Keycode keycode, ReadOnlySpan<byte> serverSecret, IReadOnlyList<UploadSessionFile> files)
    {
        BaseAddress = baseAddress;
        PackageId = packageId;
        Keycode = keycode;
        this.serverSecret = serverSecret.ToArray();
        Files = files;
    }

    public Uri BaseAddress { get; }

    public string PackageId { get; }

    public Keycode Keycode { get; }

    public IReadOnlyList<UploadSessionFile> Files { get; }

    /// <summary>The sealed message to store at completion, if any.</summary>
    public string? Message { get; init; }

    /// <summary>Recipients whose device keys get the keycode wrapped at completion (empty: no wrapping).</summary>
    public IReadOnlyList<string> WrapFor { get; init; } = [];

    /// <summary>
    /// Keys the server asked the keycode to be wrapped for at completion, whatever <see cref="WrapFor"/> says: the workflow
    /// keys of readers' and the sender's workflows that copy packages into a Workspace.
    /// </summary>
    public IReadOnlyList<WrapTarget> WrapForWorkflows { get; init; } = [];

    public bool IsComplete { get; internal set; }

    public SecureLink Link => new(BaseAddress, PackageId, Keycode);

    internal ReadOnlySpan<byte> ServerSecret => serverSecret;

    /// <summary>Parts of a file this session has stored, as far as it knows (completion checks them for real).</summary>
    public IReadOnlyCollection<long> UploadedParts(string fileId) => [.. uploaded.Keys.Where(k => k.FileId == fileId).Select(k => k.Part).Order()];

    internal bool IsUploaded(string fileId, long part) => uploaded.ContainsKey((fileId, part));

    internal void MarkUploaded(string fileId, long part) => uploaded[(fileId, part)] = true;

    internal void MarkMissing(string fileId, long part) => uploaded.TryRemove((fileId, part), out _);

    internal byte[] FileKey(string fileId) => PackageKeys.DeriveFileKey(Keycode, serverSecret, PackageId, fileId);

    public override string ToString() => $"UploadSession({PackageId}, {Files.Count} file(s), complete: {IsComplete})";
}

/// <summary>A file of the package as the API registered it.</summary>
public sealed record UploadSessionFile(string FileId, string Name, long Size, long PartCount);

/// <summary>A key the server asks a package's keycode to be wrapped for (a workflow key).</summary>
/// <param name="PublicKey">P-256 SPKI DER, base64url.</param>
/// <param name="Purpose">For people: <c>Workflow "name"</c>.</param>
public sealed record WrapTarget(string Recipient, string DeviceKeyId, string PublicKey, string Purpose);
