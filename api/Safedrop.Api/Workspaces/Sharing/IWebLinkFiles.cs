using Safedrop.Api.Http;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// The Workspace files a web link reaches, after the link's own checks (token, expiry, revocation, folder and
/// permission) passed: the same storage, encryption at rest and quota as the Workspace file endpoints. Paths are
/// normalised (<see cref="LinkPaths"/>) and relative to the Workspace's root.
/// </summary>
public interface IWebLinkFiles
{
    /// <summary>The file or folder at <paramref name="path"/> (the root is always a folder); a 404 problem when missing.</summary>
    Task<Outcome<WebLinkEntry>> FindAsync(string workspace, string path, CancellationToken cancellationToken);

    /// <summary>The files and folders directly inside a folder.</summary>
    Task<Outcome<IReadOnlyList<WebLinkEntry>>> ListAsync(string workspace, string folder, CancellationToken cancellationToken);

    Task<Outcome<LinkDownload>> DownloadAsync(string workspace, string path, CancellationToken cancellationToken);

    /// <summary>Stores a file (replacing one at the same path), counting against the Workspace's quota.</summary>
    /// <param name="uploadedBy">What the Workspace records as the uploader, e.g. <c>weblink:{id}</c>.</param>
    Task<Outcome<WebLinkEntry>> UploadAsync(string workspace, string path, Stream body, long? length, string uploadedBy, CancellationToken cancellationToken);
}

/// <summary>A file's plaintext as a stream, to send to the link's holder.</summary>
public sealed record LinkDownload(string Name, long Size, Stream Content);

/// <summary>
/// PENDING: what the API serves until the workspaces helper's file services are merged — links on the root are
/// created and described; anything that needs Workspace files answers 501 (<see cref="ProblemTypes.WebLinkFilesUnavailable"/>).
/// Replace the registration with an adapter over WorkspaceTree/WorkspaceFiles.
/// </summary>
public sealed class PendingWebLinkFiles : IWebLinkFiles
{
    private static readonly ApiProblem Unavailable = new(501, ProblemTypes.WebLinkFilesUnavailable, "Files through web links not available yet",
        "This build of the API manages web links but does not yet reach Workspace files through them.");

    public Task<Outcome<WebLinkEntry>> FindAsync(string workspace, string path, CancellationToken cancellationToken) =>
        Task.FromResult<Outcome<WebLinkEntry>>(path.Length == 0 ? new WebLinkEntry("", "", "folder", 0, DateTimeOffset.UnixEpoch) : Unavailable);

    public Task<Outcome<IReadOnlyList<WebLinkEntry>>> ListAsync(string workspace, string folder, CancellationToken cancellationToken) =>
        Task.FromResult<Outcome<IReadOnlyList<WebLinkEntry>>>(Unavailable);

    public Task<Outcome<LinkDownload>> DownloadAsync(string workspace, string path, CancellationToken cancellationToken) =>
        Task.FromResult<Outcome<LinkDownload>>(Unavailable);

    public Task<Outcome<WebLinkEntry>> UploadAsync(string workspace, string path, Stream body, long? length, string uploadedBy, CancellationToken cancellationToken) =>
        Task.FromResult<Outcome<WebLinkEntry>>(Unavailable);
}
