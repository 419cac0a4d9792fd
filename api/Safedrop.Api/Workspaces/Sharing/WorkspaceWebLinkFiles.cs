using Safedrop.Api.Http;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Workspaces.Sharing;

/// <summary>
/// Web links over the Workspace file services: the "already decided" entry points of <see cref="WorkspaceFiles"/>
/// and <see cref="WorkspaceFolders"/>, so a link's upload takes the same reservation, quota (507/413) and audit path
/// as a collaborator's. Entries are projected to <see cref="WebLinkEntry"/>, which names no uploader: a link's
/// holder is anonymous and learns no address of the Organization.
/// </summary>
public sealed class WorkspaceWebLinkFiles(WorkspaceTree tree, WorkspaceFolders folders, WorkspaceFiles files) : IWebLinkFiles
{
    public async Task<Outcome<WebLinkEntry>> FindAsync(string workspace, WorkspacePath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        return await tree.GetAsync(workspace, path, cancellationToken) is { } entry
            ? WebLinkEntry.Of(EntryResult.Of(entry))
            : WorkspaceProblems.EntryNotFound(workspace, path);
    }

    public async Task<Outcome<IReadOnlyList<WebLinkEntry>>> ListAsync(string workspace, WorkspacePath folder, CancellationToken cancellationToken)
    {
        var listing = await folders.ListAsync(workspace, folder, cancellationToken);
        if (listing.Problem is { } problem) return problem;
        return listing.Value!.Folders.Select(f => new WebLinkEntry(f.Name, f.Path, "folder", 0, f.ModifiedAt))
            .Concat(listing.Value.Files.Select(f => new WebLinkEntry(f.Name, f.Path, "file", f.Size, f.ModifiedAt)))
            .ToList();
    }

    public Task<Outcome<FileDownload>> DownloadAsync(string workspace, WorkspacePath path, IFileActor actor, CancellationToken cancellationToken) =>
        files.DownloadAsync(workspace, path, actor, cancellationToken);

    public async Task<Outcome<WebLinkEntry>> UploadAsync(
        CompiledWorkspace workspace, WorkspacePath path, Stream body, long? length, IFileActor actor, CancellationToken cancellationToken)
    {
        var uploaded = await files.UploadAsync(workspace, path, body, length, actor, cancellationToken);
        if (uploaded.Problem is { } problem) return problem;
        return WebLinkEntry.Of(uploaded.Value!.Entry);
    }
}
