using Safedrop.Api.Storage;

namespace Safedrop.Api.Transfer;

/// <summary>Permission to PUT or GET exactly one object until <see cref="ExpiresAt"/>; an upload also fixes its length.</summary>
public sealed record TransferGrant(string Key, TransferDirection Direction, long? Length, DateTimeOffset ExpiresAt);
