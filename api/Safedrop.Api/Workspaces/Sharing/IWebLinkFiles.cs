using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// The Workspace files a web link reaches, after the link's own checks (token, expiry, revocation, folder and
/// permission) passed: the same storage, encryption at rest, quota and audit as the Workspace file endpoints
/// (<see cref="WorkspaceWebLinkFiles"/>). Paths are relative to the Workspace's root.
/// </summary>
public interface IWebLinkFiles
{
    /// <summary>The file or folder at <paramref name="path"/> (the root is always a folder); a 404 problem when missing.</summary>
    Task<Outcome<WebLinkEntry>> FindAsync(string workspace, WorkspacePath path, CancellationToken cancellationToken);

    /// <summary>The files and folders directly inside a folder.</summary>
    Task<Outcome<IReadOnlyList<WebLinkEntry>>> ListAsync(string workspace, WorkspacePath folder, CancellationToken cancellationToken);

    /// <summary>A file's plaintext, audited for <paramref name="actor"/> (the link's holder).</summary>
    Task<Outcome<FileDownload>> DownloadAsync(string workspace, WorkspacePath path, IFileActor actor, CancellationToken cancellationToken);

    /// <summary>Stores a file (replacing one at the same path), counting against the Workspace's quota; audited and recorded as <paramref name="actor"/>.</summary>
    Task<Outcome<WebLinkEntry>> UploadAsync(CompiledWorkspace workspace, WorkspacePath path, Stream body, long? length, IFileActor actor, CancellationToken cancellationToken);
}
