using System.Globalization;
using Safedrop.Api.Audit;
using Safedrop.Api.Encryption;
using Safedrop.Api.Http;
using Safedrop.Api.Storage;
using Safedrop.Api.Workflows.Events;
using Safedrop.Resources.Compilation;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// Files in a Workspace: upload (streamed into <see cref="SealedObjects"/>, encrypted at rest, checked against
/// the quota before a byte is read), download (streamed out) and delete. Quota usage and the tree change only
/// under <see cref="WorkspaceLock"/>; file bytes stream outside it, between a reservation and its settlement.
/// </summary>
public sealed class WorkspaceFiles(
    WorkspaceAccess access, WorkspaceTree tree, WorkspaceUsageStore usages, WorkspaceLock locks,
    SealedObjects objects, IAuditLog audit, IWorkflowEvents workflowEvents, WorkflowEventFactory workflowEventFactory, TimeProvider time)
{
    public const string UploadAction = "workspace.file.upload";
    public const string DownloadAction = "workspace.file.download";
    public const string DeleteAction = "workspace.file.delete";

    /// <summary>An upload's reservation is dropped after this long even if its replica never settled it.</summary>
    public static readonly TimeSpan ReservationLifetime = TimeSpan.FromHours(6);

    public async Task<Outcome<UploadResult>> UploadAsync(
        string name, string? rawPath, Stream body, long? length, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(actor);
        if (FilePath(rawPath, out var pathProblem) is not { } path) return pathProblem!;
        var allowed = await access.RequireAsync(name, actor, WorkspaceRole.Modify, UploadAction, path.Value, "Uploading a file", cancellationToken);
        if (allowed.Problem is { } denied) return denied;
        return await UploadAsync(allowed.Value!.Workspace, path, body, length, new RoleHolder(actor, allowed.Value.Role), cancellationToken);
    }

    /// <summary>
    /// Stores a file once access was decided elsewhere (the caller's role, or a web link's permission and folder):
    /// the quota, the tree and the audit log are handled here as for every upload, and <paramref name="actor"/> is
    /// what the tree and the audit log record.
    /// </summary>
    /// <param name="replace">False: a file already at <paramref name="path"/> (or one stored there meanwhile) is a conflict, not replaced.</param>
    public async Task<Outcome<UploadResult>> UploadAsync(
        CompiledWorkspace workspace, WorkspacePath path, Stream body, long? length, IFileActor actor, CancellationToken cancellationToken, bool replace = true)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(actor);
        var (name, quota) = (workspace.Name, workspace.QuotaBytes);
        if (path.IsRoot) return WorkspaceProblems.PathInvalid(path.Value, "a file needs a name.");
        if (length is not { } size || size < 0)
            return await FailAsync(actor, UploadAction, name, path, AuditOutcome.Denied, "length-required", WorkspaceProblems.LengthRequired, cancellationToken);

        var reservation = new UsageReservation(Guid.NewGuid().ToString("N"), 0, time.GetUtcNow() + ReservationLifetime);
        await using (await locks.AcquireAsync(name, cancellationToken))
        {
            if (await ConflictAsync(name, path, cancellationToken) is { } conflict)
                return await FailAsync(actor, UploadAction, name, path, AuditOutcome.Denied, "entry-conflict", conflict, cancellationToken);
            var existing = await tree.GetAsync(name, path, cancellationToken);
            if (existing is not null && !replace)
                return await FailAsync(actor, UploadAction, name, path, AuditOutcome.Denied, "entry-exists", Exists(path), cancellationToken);
            var usage = await usages.GetAsync(name, time.GetUtcNow(), cancellationToken);
            var needed = Math.Max(0, size - (existing?.Size ?? 0));
            if (size > quota || usage.CommittedBytes + needed > quota)
                return await RefuseAsync(name, path, actor, size, usage.CommittedBytes, quota, cancellationToken);
            reservation = reservation with { Bytes = needed };
            await usages.SaveAsync(name, usage.Reserve(reservation), cancellationToken);
        }

        var objectKey = WorkspaceTree.NewObjectKey(name);
        try
        {
            await objects.PutAsync(objectKey, new ExactLengthStream(body, size, objectKey), size, cancellationToken);
        }
        catch (InvalidDataException)
        {
            await AbandonAsync(name, reservation.Id, objectKey);
            return await FailAsync(actor, UploadAction, name, path, AuditOutcome.Failed, "length-mismatch", WorkspaceProblems.LengthMismatch(size), cancellationToken);
        }
        catch
        {
            await AbandonAsync(name, reservation.Id, objectKey);
            throw;
        }

        TreeEntry? replaced;
        await using (await locks.AcquireAsync(name, CancellationToken.None))
        {
            var usage = (await usages.GetAsync(name, time.GetUtcNow(), CancellationToken.None)).Release(reservation.Id);
            // Settle against the tree as it is now: a concurrent upload or delete of the same path may have changed it.
            var problem = await ConflictAsync(name, path, CancellationToken.None);
            replaced = await tree.GetAsync(name, path, CancellationToken.None);
            var delta = size - (replaced?.Size ?? 0);
            if (problem is null && replaced is not null && !replace)
                problem = await FailAsync(actor, UploadAction, name, path, AuditOutcome.Denied, "entry-exists", Exists(path), CancellationToken.None);
            else if (problem is not null)
                problem = await FailAsync(actor, UploadAction, name, path, AuditOutcome.Denied, "entry-conflict", problem, CancellationToken.None);
            else if (usage.CommittedBytes + delta > quota)
                problem = await RefuseAsync(name, path, actor, size, usage.CommittedBytes, quota, CancellationToken.None);
            if (problem is not null)
            {
                await usages.SaveAsync(name, usage, CancellationToken.None);
                await objects.DeleteAsync(objectKey, CancellationToken.None);
                return problem;
            }

            var now = time.GetUtcNow();
            await tree.EnsureFoldersAsync(name, path, actor.RecordedAs, now, CancellationToken.None);
            await tree.SaveAsync(name, new TreeEntry(EntryKind.File, path.Value, objectKey, size, now, actor.RecordedAs), CancellationToken.None);
            await usages.SaveAsync(name, usage.Add(delta), CancellationToken.None);
        }

        if (replaced?.ObjectKey is { } oldKey) await objects.DeleteAsync(oldKey, CancellationToken.None);
        await audit.RecordAsync(actor.Event(UploadAction, name, path, AuditOutcome.Succeeded, null, new Dictionary<string, string>
        {
            ["bytes"] = size.ToString(CultureInfo.InvariantCulture),
            ["replaced"] = (replaced is not null).ToString(CultureInfo.InvariantCulture),
        }), CancellationToken.None);
        if (actor.StartsWorkflows)
            await workflowEvents.EmitAsync(workflowEventFactory.WorkspaceFileUploaded(workspace, path.Value, actor.RecordedAs), CancellationToken.None);
        var entry = (await tree.GetAsync(name, path, CancellationToken.None))!;
        return new UploadResult(EntryResult.Of(entry), replaced is not null);
    }

    public async Task<Outcome<FileDownload>> DownloadAsync(string name, string? rawPath, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (FilePath(rawPath, out var pathProblem) is not { } path) return pathProblem!;
        var allowed = await access.RequireAsync(name, actor, WorkspaceRole.View, DownloadAction, path.Value, "Downloading a file", cancellationToken);
        if (allowed.Problem is { } denied) return denied;
        return await DownloadAsync(name, path, new RoleHolder(actor, allowed.Value!.Role), cancellationToken);
    }

    /// <summary>Opens a file once access was decided elsewhere; audited for <paramref name="actor"/>.</summary>
    public async Task<Outcome<FileDownload>> DownloadAsync(string name, WorkspacePath path, IFileActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(actor);
        var entry = await tree.GetAsync(name, path, cancellationToken);
        var content = entry is { Kind: EntryKind.File, ObjectKey: { } key } ? await objects.OpenReadAsync(key, cancellationToken) : null;
        if (entry is null || content is null)
            return await FailAsync(actor, DownloadAction, name, path, AuditOutcome.Failed, "not-found", WorkspaceProblems.EntryNotFound(name, path, "file"), cancellationToken);

        await audit.RecordAsync(actor.Event(DownloadAction, name, path, AuditOutcome.Allowed, null, new Dictionary<string, string>
        {
            ["bytes"] = entry.Size.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        return new FileDownload(entry, content);
    }

    public async Task<Outcome<bool>> DeleteAsync(string name, string? rawPath, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (FilePath(rawPath, out var pathProblem) is not { } path) return pathProblem!;
        var allowed = await access.RequireAsync(name, actor, WorkspaceRole.Modify, DeleteAction, path.Value, "Deleting a file", cancellationToken);
        if (allowed.Problem is { } denied) return denied;

        TreeEntry? entry;
        await using (await locks.AcquireAsync(name, cancellationToken))
        {
            entry = await tree.GetAsync(name, path, cancellationToken);
            if (entry is not { Kind: EntryKind.File })
                return entry is null ? WorkspaceProblems.EntryNotFound(name, path, "file")
                    : WorkspaceProblems.Conflict(path, $"'{path}' is a folder; delete it through the folders endpoint.");
            await tree.RemoveAsync(name, path, cancellationToken);
            var usage = await usages.GetAsync(name, time.GetUtcNow(), cancellationToken);
            await usages.SaveAsync(name, usage.Add(-entry.Size), cancellationToken);
        }

        if (entry.ObjectKey is { } key) await objects.DeleteAsync(key, CancellationToken.None);
        await audit.RecordAsync(actor.Event(DeleteAction, name, path.Value, AuditOutcome.Succeeded, details: new Dictionary<string, string>
        {
            ["bytes"] = entry.Size.ToString(CultureInfo.InvariantCulture),
        }), CancellationToken.None);
        return true;
    }

    private static ApiProblem Exists(WorkspacePath path) => WorkspaceProblems.Conflict(path, $"'{path}' exists already.");

    /// <summary>A file's path: valid and not the root.</summary>
    internal static WorkspacePath? FilePath(string? rawPath, out ApiProblem? problem)
    {
        var path = WorkspacePath.Parse(rawPath, out var reason);
        problem = path is null ? WorkspaceProblems.PathInvalid(rawPath, reason!)
            : path.IsRoot ? WorkspaceProblems.PathInvalid(rawPath, "a file needs a name.")
            : null;
        return problem is null ? path : null;
    }

    /// <summary>Why a file cannot be at <paramref name="path"/>: a folder is there, or a file is where a folder should be.</summary>
    private async Task<ApiProblem?> ConflictAsync(string name, WorkspacePath path, CancellationToken cancellationToken)
    {
        if (await tree.BlockingFileAsync(name, path, cancellationToken) is { } file)
            return WorkspaceProblems.Conflict(path, $"'{file}' is a file, so '{path}' cannot be inside it.");
        if (await tree.GetAsync(name, path, cancellationToken) is { Kind: EntryKind.Folder } folder)
            return WorkspaceProblems.Conflict(path, $"'{folder.Path}' is a folder (names are unique ignoring case).");
        return null;
    }

    private async Task<ApiProblem> RefuseAsync(string name, WorkspacePath path, IFileActor actor, long size, long used, long quota, CancellationToken cancellationToken)
    {
        var alone = size > quota;
        await audit.RecordAsync(actor.Event(UploadAction, name, path, AuditOutcome.Denied, alone ? "file-larger-than-quota" : "quota-exceeded",
            new Dictionary<string, string>
            {
                ["bytes"] = size.ToString(CultureInfo.InvariantCulture),
                ["usedBytes"] = used.ToString(CultureInfo.InvariantCulture),
                ["quotaBytes"] = quota.ToString(CultureInfo.InvariantCulture),
            }), cancellationToken);
        return alone ? WorkspaceProblems.FileTooLarge(name, size, used, quota) : WorkspaceProblems.Full(name, size, used, quota);
    }

    /// <summary>Audits a refused or failed upload or download and returns the problem.</summary>
    private async Task<ApiProblem> FailAsync(
        IFileActor actor, string action, string name, WorkspacePath path, AuditOutcome outcome, string rule, ApiProblem problem, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(actor.Event(action, name, path, outcome, rule, new Dictionary<string, string> { ["problem"] = problem.Type }), cancellationToken);
        return problem;
    }

    /// <summary>An upload that broke off: its reservation and whatever was stored go.</summary>
    private async Task AbandonAsync(string name, string reservationId, string objectKey)
    {
        await using (await locks.AcquireAsync(name, CancellationToken.None))
        {
            var usage = await usages.GetAsync(name, time.GetUtcNow(), CancellationToken.None);
            await usages.SaveAsync(name, usage.Release(reservationId), CancellationToken.None);
        }
        await objects.DeleteAsync(objectKey, CancellationToken.None);
    }
}

public sealed record UploadResult(EntryResult Entry, bool Replaced);

/// <summary>A file's record and its plaintext stream; the caller disposes the stream.</summary>
public sealed record FileDownload(TreeEntry Entry, Stream Content);
