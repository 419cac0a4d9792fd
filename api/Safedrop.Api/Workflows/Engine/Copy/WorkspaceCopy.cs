using System.Security.Cryptography;
using Safedrop.Api.Encryption;
using Safedrop.Api.Http;
using Safedrop.Api.Packages;
using Safedrop.Api.Storage;
using Safedrop.Api.Workflows.Events;
using Safedrop.Api.Workflows.Keys;
using Safedrop.Api.Workspaces;
using Safedrop.Crypto;
using Safedrop.Resources.Compilation;
using Safedrop.Resources.Identity;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workflows.Engine.Copy;

/// <summary>
/// The copyToWorkspace action: the event's files (a package's, opened with the workflow key, or a Workspace file) go into
/// a Workspace folder with the owner's role and within the Workspace's quota, as any upload of the owner would. Only files
/// matching the workflow's file name patterns are copied; a name already taken gets " (2)", " (3)", … A file already
/// copied for this event is not copied again.
/// </summary>
public sealed class WorkspaceCopy(
    PackageStore packages, IObjectStore store, IKeyWrapper keys, WorkflowKeys workflowKeys, WorkflowKeyStore keyStore,
    WorkspaceAccess access, WorkspaceFiles files, WorkspaceTree tree, CopyMarkers markers, TimeProvider time)
{
    private const int MaxNameTries = 100;

    public async Task<ActionAttempt> RunAsync(CompiledWorkflow workflow, CopyToWorkspaceAction copy, WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(workflowEvent);
        try
        {
            return await CopyAsync(workflow, copy, workflowEvent, cancellationToken);
        }
        catch (CryptographicException e)
        {
            // A part or wrapped key that fails authentication will fail the same way next time.
            return ActionAttempt.Failure("the package could not be opened: " + e.Message, retryable: false);
        }
        catch (Exception e) when (e is StorageUnavailableException or IOException or HttpRequestException)
        {
            return ActionAttempt.Failure("storage was unavailable: " + e.Message);
        }
    }

    private async Task<ActionAttempt> CopyAsync(CompiledWorkflow workflow, CopyToWorkspaceAction copy, WorkflowEvent workflowEvent, CancellationToken cancellationToken)
    {
        var folder = WorkspacePath.Parse(copy.Folder, out var folderProblem);
        if (folder is null) return ActionAttempt.Failure($"the folder '{copy.Folder}' is not valid: {folderProblem}", retryable: false);

        var owner = new WorkspaceActor(EmailAddress.Parse(workflow.Owner), ClientAddress: null);
        var target = await access.RequireAsync(copy.Workspace, owner, WorkspaceRole.Modify, WorkspaceFiles.UploadAction, folder.Value,
            "Copying files into the Workspace", cancellationToken);
        if (target.Problem is { } denied) return ActionAttempt.Failure($"{denied.Title}: {denied.Detail}", retryable: false);
        var actor = new WorkflowFileActor(new RoleHolder(owner, target.Value!.Role), workflow.Name, workflowEvent.Id);

        using var sources = await SourcesAsync(workflow, workflowEvent, owner, cancellationToken);
        if (sources.Failure is { } failure) return failure;
        var wanted = sources.Files.Where(f => workflow.Filters.FileNamePatterns.Count == 0
            || workflow.Filters.FileNamePatterns.Any(p => WorkflowMatcher.Glob(p, f.Name))).ToList();
        if (wanted.Count == 0) return ActionAttempt.Success("no file matched the workflow's file name patterns; nothing copied");

        var copied = new List<string>();
        foreach (var source in wanted)
        {
            if (await markers.GetAsync(workflow.Name, workflowEvent, source.Id, cancellationToken) is { } marker
                && await tree.GetAsync(marker.Workspace, WorkspacePath.Parse(marker.Path, out _)!, cancellationToken) is not null)
            {
                copied.Add("/" + marker.Path);
                continue;
            }

            var stored = await StoreUnderFreeNameAsync(target.Value.Workspace, folder, source, actor, cancellationToken);
            if (stored.Problem is { } refused)
            {
                var done = copied.Count == 0 ? "" : $" ({copied.Count} file(s) copied before: {string.Join(", ", copied)})";
                return ActionAttempt.Failure($"{refused.Title}: {refused.Detail}{done}", retryable: false);
            }
            var path = stored.Value!;
            await markers.SaveAsync(workflow.Name, workflowEvent, source.Id, new CopyMarker(copy.Workspace, path.Value, time.GetUtcNow()), CancellationToken.None);
            copied.Add("/" + path.Value);
        }
        return ActionAttempt.Success($"copied {copied.Count} file(s) to {copy.Workspace}: {string.Join(", ", copied)}");
    }

    private async Task<CopySources> SourcesAsync(
        CompiledWorkflow workflow, WorkflowEvent workflowEvent, WorkspaceActor owner, CancellationToken cancellationToken)
    {
        if (workflowEvent.PackageId is { } packageId) return await PackageSourcesAsync(workflow, packageId, cancellationToken);
        if (workflowEvent is { Workspace: { } workspace, Path: { } rawPath })
        {
            var path = WorkspacePath.Parse(rawPath, out _);
            var source = path is null ? null : await tree.GetAsync(workspace, path, cancellationToken);
            if (path is null || source is not { Kind: EntryKind.File })
                return CopySources.None(ActionAttempt.Failure($"the file {workspace}:{rawPath} is gone", retryable: false));
            var readable = await access.RequireAsync(workspace, owner, WorkspaceRole.View, WorkspaceFiles.DownloadAction, path.Value, "Copying a file", cancellationToken);
            if (readable.Problem is { } denied) return CopySources.None(ActionAttempt.Failure($"{denied.Title}: {denied.Detail}", retryable: false));
            var reader = new WorkflowFileActor(new RoleHolder(owner, readable.Value!.Role), workflow.Name, workflowEvent.Id);
            return CopySources.Of(new CopySource($"{workspace}:{path.Value}", path.Name, source.Size, async ct =>
                (await files.DownloadAsync(workspace, path, reader, ct)).Value?.Content ?? throw new IOException($"The file {workspace}:{path} went away.")));
        }
        return CopySources.None(ActionAttempt.Failure("the event names no package and no Workspace file", retryable: false));
    }

    /// <summary>The package's files, opened with the keycode that the sender's client wrapped for this workflow's key.</summary>
    private async Task<CopySources> PackageSourcesAsync(
        CompiledWorkflow workflow, string packageId, CancellationToken cancellationToken)
    {
        if (await packages.GetAsync(packageId, cancellationToken) is not { State: PackageState.Complete } package)
            return CopySources.None(ActionAttempt.Failure($"the package {packageId} is gone (expired or deleted)", retryable: false));
        var key = await workflowKeys.ForWorkflowAsync(workflow, cancellationToken);
        var wrapped = key is null ? null : package.WrappedKeycodes.FirstOrDefault(w => w.Recipient == workflow.Owner && w.DeviceKeyId == key.DeviceKeyId);
        if (key is null || wrapped is null)
        {
            return CopySources.None(ActionAttempt.Failure(
                "the package's keycode was not wrapped for this workflow's key, so the workflow cannot read it (it was sent before the workflow could read packages, or by a client that does not wrap for workflow keys)",
                retryable: false));
        }

        Keycode keycode;
        using (var pair = keyStore.OpenPrivateKey(key))
            keycode = DeviceKeyWrap.Unwrap(pair, Base64Url.Decode(wrapped.Wrapped), package.Id);
        var serverSecret = keys.Unwrap(package.WrappedServerSecret, PackageCreation.ServerSecretContext(package.Id));
        return CopySources.OfPackage([.. package.Files.Select(file => new CopySource(file.FileId, file.Name, file.Size, _ =>
        {
            var fileKey = PackageKeys.DeriveFileKey(keycode, serverSecret, package.Id, file.FileId);
            try
            {
                return Task.FromResult<Stream>(new PackageFilePlaintextStream(store, package.Id, file, new PartCipher(fileKey, package.Id, file.FileId)));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(fileKey);
            }
        }))], keycode, serverSecret);
    }

    /// <summary>
    /// Stores the file as "name", or "name (2).ext" and so on when taken — never over an existing file, even one another
    /// run stores at the same moment (the upload refuses to replace, and the next name is tried).
    /// </summary>
    private async Task<Outcome<WorkspacePath>> StoreUnderFreeNameAsync(
        CompiledWorkspace workspace, WorkspacePath folder, CopySource source, IFileActor actor, CancellationToken cancellationToken)
    {
        var stem = Path.GetFileNameWithoutExtension(source.Name);
        var extension = Path.GetExtension(source.Name);
        for (var n = 1; n <= MaxNameTries; n++)
        {
            var candidate = n == 1 ? source.Name : $"{stem} ({n}){extension}";
            var path = folder.Append(WorkspacePath.Parse(candidate, out _) ?? WorkspacePath.Root, out _);
            if (path is null || path.IsRoot || path.Segments.Count != folder.Segments.Count + 1) break;
            if (await tree.GetAsync(workspace.Name, path, cancellationToken) is not null || await tree.BlockingFileAsync(workspace.Name, path, cancellationToken) is not null) continue;

            await using var content = await source.OpenAsync(cancellationToken);
            var stored = await files.UploadAsync(workspace, path, content, source.Size, actor, cancellationToken, replace: false);
            if (stored.Problem is { Type: ProblemTypes.WorkspaceEntryConflict }) continue;
            return stored.Problem is { } refused ? refused : path;
        }
        return new ApiProblem(409, ProblemTypes.WorkspaceEntryConflict, "No free name",
            $"'{source.Name}' is not a valid file name in a Workspace, or {MaxNameTries} files of that name exist in {folder}.");
    }
}
