using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;
using Safedrop.Api.Audit;
using Safedrop.Api.Configuration;
using Safedrop.Api.Http;
using Safedrop.Api.Storage;
using Safedrop.Api.WriteBack;
using Safedrop.Resources.Model;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// Creating a Workspace through the API (SPEC §2: holders of WorkspaceOwnership). The API writes a Workspace
/// resource owned by the caller (<see cref="IResourceWriter"/>) and enforces it only once the configuration has
/// compiled it, like any Workspace from Git. Until then a marker in object storage lets requests for it answer
/// "being created" rather than "not found".
/// </summary>
public sealed partial class WorkspaceCreations(
    TenantConfigStore tenant, IObjectStore store, IAuditLog audit, TimeProvider time, IResourceWriter? writer = null)
{
    public const string CreateAction = "workspace.create";
    public const int MaxDisplayNameLength = 200;

    /// <summary>How long creation waits for the configuration to publish the new Workspace before answering "creating".</summary>
    public static readonly TimeSpan PublishWait = TimeSpan.FromSeconds(3);

    /// <summary>A creation not compiled within this long is no longer reported as pending (its status says why).</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A Kubernetes resource name usable as an object-key segment: a DNS label.</summary>
    public static bool IsValidName(string? name) => name is { Length: >= 1 and <= 63 } && NamePattern().IsMatch(name);

    public async Task<Outcome<CreatedWorkspace>> CreateAsync(CreateWorkspaceRequest request, WorkspaceActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (tenant.Current is not { Config: { Organization: not null } config, Namespace: { } ns }) return WorkspaceProblems.NotServing;

        var decision = config.Resolve(actor.Address, Permission.WorkspaceOwnership);
        if (!decision.Held)
        {
            await audit.RecordAsync(actor.Event(CreateAction, request.Name ?? "", null, AuditOutcome.Denied, "permission-missing",
                new Dictionary<string, string> { ["permission"] = nameof(Permission.WorkspaceOwnership) }), cancellationToken);
            return new ApiProblem(403, ProblemTypes.PermissionMissing, $"Permission {Permission.WorkspaceOwnership} missing",
                $"Creating a Workspace needs the {Permission.WorkspaceOwnership} permission, which {actor.Address} does not hold: {decision.Explanation}.")
            {
                Extensions = new Dictionary<string, object?> { ["permission"] = nameof(Permission.WorkspaceOwnership), ["reason"] = decision.Explanation },
            };
        }

        if (Validate(request) is { } invalid) return invalid;
        var name = request.Name!;
        if (config.Workspaces.ContainsKey(name) || await IsPendingAsync(name, cancellationToken))
            return new ApiProblem(409, ProblemTypes.WorkspaceExists, "Workspace exists", $"A Workspace named {name} exists already (or is being created); choose another name.");
        if (writer is null)
            return new ApiProblem(503, ProblemTypes.WorkspaceCreationUnavailable, "Creation unavailable",
                "This API instance cannot write resources back, so Workspaces are created in Git or with kubectl for now.");

        await SaveMarkerAsync(name, new CreationMarker(actor.Address.Value, time.GetUtcNow()), cancellationToken);
        try
        {
            await writer.CreateAsync(new Workspace
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                Spec = new WorkspaceSpec
                {
                    DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
                    Owner = actor.Address.Value,
                    Quota = request.Quota ?? new WorkspaceSpec().Quota,
                },
            }, cancellationToken);
        }
        catch
        {
            // Nothing was created, so nothing is pending: the name is free again at once.
            await store.DeleteAsync(MarkerKey(name), CancellationToken.None);
            throw;
        }

        await audit.RecordAsync(actor.Event(CreateAction, name, null, AuditOutcome.Succeeded, details: new Dictionary<string, string>
        {
            ["quota"] = request.Quota ?? new WorkspaceSpec().Quota,
        }), cancellationToken);

        var ready = await WaitForPublishAsync(name, cancellationToken);
        return new CreatedWorkspace(name, request.DisplayName, actor.Address.Value, request.Quota ?? new WorkspaceSpec().Quota, ready ? "ready" : "creating");
    }

    /// <summary>True while a Workspace created through the API has not been compiled yet (and was created recently).</summary>
    public async Task<bool> IsPendingAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(MarkerKey(name), cancellationToken);
        if (stream is null) return false;
        var marker = await JsonSerializer.DeserializeAsync<CreationMarker>(stream, Json, cancellationToken);
        return marker is not null && marker.CreatedAt + PendingLifetime > time.GetUtcNow();
    }

    private async Task<bool> WaitForPublishAsync(string name, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(PublishWait);
        try
        {
            await tenant.WaitForAsync(s => s.Config?.Workspaces.ContainsKey(name) == true, wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static ApiProblem? Validate(CreateWorkspaceRequest request)
    {
        var problems = new List<string>();
        if (!IsValidName(request.Name))
            problems.Add("name is required: 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
        if (request.DisplayName is { } display && (display.Trim().Length > MaxDisplayNameLength || display.Any(char.IsControl)))
            problems.Add($"displayName has at most {MaxDisplayNameLength} characters and no control characters");
        if (request.Quota is { } quota && !IsQuantity(quota))
            problems.Add($"quota '{quota}' is not a positive size such as 50Gi");
        return problems.Count == 0 ? null
            : new ApiProblem(400, ProblemTypes.WorkspaceInvalid, "The Workspace is not accepted", string.Join("; ", problems) + ".");
    }

    private static bool IsQuantity(string raw)
    {
        try
        {
            return new ResourceQuantity(raw).ToInt64() > 0;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    private async Task SaveMarkerAsync(string name, CreationMarker marker, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(marker, Json);
        using var content = new MemoryStream(bytes);
        await store.PutAsync(MarkerKey(name), content, bytes.Length, cancellationToken);
    }

    private static string MarkerKey(string name) => $"{WorkspaceTree.Prefix(name)}creation.json";

    private sealed record CreationMarker(string Owner, DateTimeOffset CreatedAt);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex NamePattern();
}
