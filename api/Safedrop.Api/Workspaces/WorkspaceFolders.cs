using System.Globalization;
using Safedrop.Api.Audit;
using Safedrop.Api.Encryption;
using Safedrop.Api.Http;

namespace Safedrop.Api.Workspaces;

/// <summary>Folders in a Workspace: list (View), create and delete with everything inside (Modify).</summary>
public sealed class WorkspaceFolders(
    WorkspaceAccess access, WorkspaceTree tree, WorkspaceUsageStore usages, WorkspaceLock locks,
    SealedObjects objects, IAuditLog audit, TimeProvider time)
{
    public const string ListAction = "workspace.folder.list";
    public const string CreateAction = "workspace.folder.create";
    public const string DeleteAction = "workspace.folder.delete";

    public async Task<Outcome<FolderListing>> ListAsync(string name, string? rawPath, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var path = WorkspacePath.Parse(rawPath, out var reason);
        if (path is null) return WorkspaceProblems.PathInvalid(rawPath, reason!);
        var allowed = await access.RequireAsync(name, actor, WorkspaceRole.View, ListAction, path.Value, "Listing a folder", cancellationToken);
        if (allowed.Problem is { } denied) return denied;
        return await ListAsync(name, path, cancellationToken);
    }

    /// <summary>A folder's content once access was decided elsewhere (a web link's folder); listing is not audited.</summary>
    public async Task<Outcome<FolderListing>> ListAsync(string name, WorkspacePath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (await tree.GetAsync(name, path, cancellationToken) is not { Kind: EntryKind.Folder })
            return WorkspaceProblems.EntryNotFound(name, path, "folder");
        var folders = new List<FolderItem>();
        var files = new List<FileItem>();
        await foreach (var entry in tree.ListAsync(name, path, cancellationToken))
        {
            var entryPath = entry.WorkspacePath;
            if (entry.Kind == EntryKind.Folder) folders.Add(new FolderItem(entryPath.Name, entryPath.Value, entry.ModifiedAt, entry.ModifiedBy));
            else files.Add(new FileItem(entryPath.Name, entryPath.Value, entry.Size, entry.ModifiedAt, entry.ModifiedBy));
        }
        return new FolderListing(name, path.Value,
            [.. folders.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)],
            [.. files.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)]);
    }

    public async Task<Outcome<EntryResult>> CreateAsync(string name, string? rawPath, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (NonRootPath(rawPath, "The root folder always exists.", out var problem) is not { } path) return problem!;
        var allowed = await access.RequireAsync(name, actor, WorkspaceRole.Modify, CreateAction, path.Value, "Creating a folder", cancellationToken);
        if (allowed.Problem is { } denied) return denied;

        TreeEntry created;
        await using (await locks.AcquireAsync(name, cancellationToken))
        {
            if (await tree.BlockingFileAsync(name, path, cancellationToken) is { } file)
                return WorkspaceProblems.Conflict(path, $"'{file}' is a file, so '{path}' cannot be inside it.");
            if (await tree.GetAsync(name, path, cancellationToken) is { } existing)
                return WorkspaceProblems.Conflict(path, $"A {(existing.Kind == EntryKind.File ? "file" : "folder")} '{existing.Path}' exists already (names are unique ignoring case).");
            var now = time.GetUtcNow();
            await tree.EnsureFoldersAsync(name, path, actor.Address.Value, now, cancellationToken);
            created = new TreeEntry(EntryKind.Folder, path.Value, null, 0, now, actor.Address.Value);
            await tree.SaveAsync(name, created, cancellationToken);
        }

        await audit.RecordAsync(actor.Event(CreateAction, name, path.Value, AuditOutcome.Succeeded), CancellationToken.None);
        return EntryResult.Of(created);
    }

    /// <summary>Deletes a folder and everything in it, freeing its files' bytes from the quota.</summary>
    public async Task<Outcome<bool>> DeleteAsync(string name, string? rawPath, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (NonRootPath(rawPath, "The root folder cannot be deleted.", out var problem) is not { } path) return problem!;
        var allowed = await access.RequireAsync(name, actor, WorkspaceRole.Modify, DeleteAction, path.Value, "Deleting a folder", cancellationToken);
        if (allowed.Problem is { } denied) return denied;

        IReadOnlyList<TreeEntry> inside;
        await using (await locks.AcquireAsync(name, cancellationToken))
        {
            var folder = await tree.GetAsync(name, path, cancellationToken);
            if (folder is not { Kind: EntryKind.Folder })
                return folder is null ? WorkspaceProblems.EntryNotFound(name, path, "folder")
                    : WorkspaceProblems.Conflict(path, $"'{path}' is a file; delete it through the files endpoint.");
            inside = await tree.DescendantsAsync(name, path, cancellationToken);
            // Children first, so an interrupted delete never leaves an entry whose folder is gone.
            foreach (var entry in inside.Reverse()) await tree.RemoveAsync(name, entry.WorkspacePath, cancellationToken);
            await tree.RemoveAsync(name, path, cancellationToken);
            var usage = await usages.GetAsync(name, time.GetUtcNow(), cancellationToken);
            await usages.SaveAsync(name, usage.Add(-inside.Sum(e => e.Size)), cancellationToken);
        }

        foreach (var file in inside.Where(e => e.ObjectKey is not null)) await objects.DeleteAsync(file.ObjectKey!, CancellationToken.None);
        await audit.RecordAsync(actor.Event(DeleteAction, name, path.Value, AuditOutcome.Succeeded, details: new Dictionary<string, string>
        {
            ["files"] = inside.Count(e => e.Kind == EntryKind.File).ToString(CultureInfo.InvariantCulture),
            ["bytes"] = inside.Sum(e => e.Size).ToString(CultureInfo.InvariantCulture),
        }), CancellationToken.None);
        return true;
    }

    private static WorkspacePath? NonRootPath(string? rawPath, string rootReason, out ApiProblem? problem)
    {
        var path = WorkspacePath.Parse(rawPath, out var reason);
        problem = path is null ? WorkspaceProblems.PathInvalid(rawPath, reason!)
            : path.IsRoot ? WorkspaceProblems.PathInvalid(rawPath, rootReason)
            : null;
        return problem is null ? path : null;
    }
}
