namespace Safedrop.Api.Workspaces;

/// <param name="Name">The Workspace resource's name: lower-case letters, digits and '-', at most 63.</param>
/// <param name="Quota">A size such as 50Gi; the resource's default (10Gi) when absent.</param>
public sealed record CreateWorkspaceRequest(string? Name, string? DisplayName, string? Quota);

/// <param name="State"><c>ready</c> once in force, <c>creating</c> while the configuration has not compiled it yet.</param>
public sealed record CreatedWorkspace(string Name, string? DisplayName, string Owner, string? Quota, string State);

public sealed record WorkspaceSummary(string Name, string? DisplayName, string Owner, string Role, bool External, long QuotaBytes, long UsedBytes, bool ExternalSharing);

/// <summary>A folder's content. Files carry size, time and who last wrote them.</summary>
public sealed record FolderListing(string Workspace, string Path, IReadOnlyList<FolderItem> Folders, IReadOnlyList<FileItem> Files);

public sealed record FolderItem(string Name, string Path, DateTimeOffset ModifiedAt, string ModifiedBy);

public sealed record FileItem(string Name, string Path, long Size, DateTimeOffset ModifiedAt, string UploadedBy);

/// <summary>Rename: a new name in the same folder.</summary>
public sealed record RenameRequest(string? Path, string? NewName);

/// <summary>Move: into another folder (the root is "" or "/"), keeping the name.</summary>
public sealed record MoveRequest(string? Path, string? Destination);

/// <summary>A file or folder after a change.</summary>
public sealed record EntryResult(string Kind, string Name, string Path, long? Size, DateTimeOffset ModifiedAt, string ModifiedBy)
{
    public static EntryResult Of(TreeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var path = entry.WorkspacePath;
        return new(entry.Kind == EntryKind.File ? "file" : "folder", path.Name, path.Value,
            entry.Kind == EntryKind.File ? entry.Size : null, entry.ModifiedAt, entry.ModifiedBy);
    }
}
