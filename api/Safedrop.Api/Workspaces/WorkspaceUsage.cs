using System.Text.Json;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Workspaces;

/// <summary>
/// Bytes a Workspace holds, against its quota: one small record per Workspace in object storage, read and
/// written only under <see cref="WorkspaceLock"/>. An upload reserves its bytes before streaming (so concurrent
/// uploads cannot together overshoot) and settles the reservation when its record is written. Reservations
/// expire, so an upload whose replica died does not hold space forever.
/// </summary>
public sealed class WorkspaceUsageStore(IObjectStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Key(string workspace) => $"{WorkspaceTree.Prefix(workspace)}usage.json";

    public async Task<WorkspaceUsage> GetAsync(string workspace, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(Key(workspace), cancellationToken);
        var usage = stream is null ? null : await JsonSerializer.DeserializeAsync<WorkspaceUsage>(stream, Json, cancellationToken);
        return (usage ?? WorkspaceUsage.Empty).WithoutExpired(now);
    }

    public async Task SaveAsync(string workspace, WorkspaceUsage usage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(usage, Json);
        using var content = new MemoryStream(bytes);
        await store.PutAsync(Key(workspace), content, bytes.Length, cancellationToken);
    }
}

public sealed record WorkspaceUsage(long UsedBytes, IReadOnlyList<UsageReservation> Reservations)
{
    public static WorkspaceUsage Empty { get; } = new(0, []);

    /// <summary>Stored plus reserved by uploads in flight: what a new upload must fit beside.</summary>
    public long CommittedBytes => UsedBytes + Reservations.Sum(r => r.Bytes);

    public WorkspaceUsage WithoutExpired(DateTimeOffset now) =>
        Reservations.Any(r => r.ExpiresAt <= now) ? this with { Reservations = [.. Reservations.Where(r => r.ExpiresAt > now)] } : this;

    public WorkspaceUsage Reserve(UsageReservation reservation) => this with { Reservations = [.. Reservations, reservation] };

    public WorkspaceUsage Release(string reservationId) => this with { Reservations = [.. Reservations.Where(r => r.Id != reservationId)] };

    /// <summary>Adds <paramref name="delta"/> stored bytes (negative when a file shrinks or goes); never below zero.</summary>
    public WorkspaceUsage Add(long delta) => this with { UsedBytes = Math.Max(0, UsedBytes + delta) };
}

public sealed record UsageReservation(string Id, long Bytes, DateTimeOffset ExpiresAt);
