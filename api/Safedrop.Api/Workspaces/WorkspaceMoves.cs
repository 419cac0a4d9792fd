using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// Rename (same folder, new name) and move (other folder, same name) of a file or a folder. Only index records
/// change: a file keeps its sealed object, so nothing is copied or re-encrypted; a folder's records are rewritten
/// under the new path, the new ones before the old ones go.
/// </summary>
public sealed class WorkspaceMoves(WorkspaceAccess access, WorkspaceTree tree, WorkspaceLock locks, TenantConfigStore tenant, IAuditLog audit)
{
    public async Task<Outcome<EntryResult>> RenameAsync(string name, RenameRequest request, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (WorkspaceFiles.FilePath(request.Path, out var problem) is not { } from) return problem!;
        var newName = request.NewName;
        var reason = newName?.Contains('/', StringComparison.Ordinal) == true
            ? "a new name is one name, without '/'; use move to change folders."
            : WorkspacePath.SegmentProblem(newName);
        if (reason is not null) return WorkspaceProblems.PathInvalid(request.NewName, reason);
        var to = from.Parent.Child(newName!);
        return await RelocateAsync(name, from, to, "rename", actor, cancellationToken);
    }

    public async Task<Outcome<EntryResult>> MoveAsync(string name, MoveRequest request, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (WorkspaceFiles.FilePath(request.Path, out var problem) is not { } from) return problem!;
        if (WorkspacePath.Parse(request.Destination, out var reason) is not { } destination)
            return WorkspaceProblems.PathInvalid(request.Destination, reason!);
        return await RelocateAsync(name, from, destination.Child(from.Name), "move", actor, cancellationToken);
    }

    private async Task<Outcome<EntryResult>> RelocateAsync(
        string name, WorkspacePath from, WorkspacePath to, string verb, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var action = $"workspace.{(await IsFolderAsync(name, from, cancellationToken) ? "folder" : "file")}.{verb}";
        var allowed = await access.RequireAsync(name, actor, WorkspaceRole.Modify, action, from.Value, verb == "rename" ? "Renaming" : "Moving", cancellationToken);
        if (allowed.Problem is { } denied) return denied;

        TreeEntry moved;
        await using (await locks.AcquireAsync(name, cancellationToken))
        {
            var entry = await tree.GetAsync(name, from, cancellationToken);
            if (entry is null) return WorkspaceProblems.EntryNotFound(name, from);
            if (entry.Kind == EntryKind.Folder && !from.Equals(to) && to.IsWithin(from))
                return WorkspaceProblems.Conflict(to, $"A folder cannot move into itself: '{to}' is inside '{from}'.");
            if (!to.Parent.IsRoot && await tree.GetAsync(name, to.Parent, cancellationToken) is not { Kind: EntryKind.Folder })
                return WorkspaceProblems.EntryNotFound(name, to.Parent, "destination folder");
            // A case-only rename keeps its own entry; any other entry at the target is in the way.
            if (!to.Equals(from) && await tree.GetAsync(name, to, cancellationToken) is { } taken)
                return WorkspaceProblems.Conflict(to, $"A {(taken.Kind == EntryKind.File ? "file" : "folder")} '{taken.Path}' exists already (names are unique ignoring case).");

            moved = entry with { Path = to.Value };
            var descendants = entry.Kind == EntryKind.Folder ? await tree.DescendantsAsync(name, from, cancellationToken) : [];
            await tree.SaveAsync(name, moved, cancellationToken);
            foreach (var inside in descendants)
                await tree.SaveAsync(name, inside with { Path = inside.WorkspacePath.Rebase(from, to).Value }, cancellationToken);
            if (!to.Equals(from))
            {
                foreach (var inside in descendants.Reverse()) await tree.RemoveAsync(name, inside.WorkspacePath, cancellationToken);
                await tree.RemoveAsync(name, from, cancellationToken);
            }
        }

        await audit.RecordAsync(actor.Event(action, name, from.Value, AuditOutcome.Succeeded, details: new Dictionary<string, string>
        {
            ["from"] = from.Value,
            ["to"] = to.Value,
        }), CancellationToken.None);
        return EntryResult.Of(moved);
    }

    /// <summary>Whether the entry is a folder, to name the audited action; only read for a Workspace in force (a valid name).</summary>
    private async Task<bool> IsFolderAsync(string name, WorkspacePath path, CancellationToken cancellationToken) =>
        tenant.Current.Config?.Workspaces.ContainsKey(name) == true
        && await tree.GetAsync(name, path, cancellationToken) is { Kind: EntryKind.Folder };
}
