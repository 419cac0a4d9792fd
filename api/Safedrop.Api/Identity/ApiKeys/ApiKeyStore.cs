using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Safedrop.Api.Storage;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Identity.ApiKeys;

/// <summary>
/// API keys as durable records: <c>identity/api-keys/{keyId}.json</c> (owner, name, SHA-256 of the secret, times)
/// and an empty index entry per owner, <c>identity/api-key-owners/{ownerId}/{keyId}</c>, for listing. The token is
/// <c>sdk_{keyId}_{secret}</c> (keyId is hex, so the first '_' after the prefix separates the two). Nothing is
/// cached: every use reads the record, so a revocation holds at once on every replica.
/// </summary>
public sealed class ApiKeyStore(IObjectStore store, TimeProvider time)
{
    public const string TokenPrefix = "sdk_";

    public async Task<(ApiKeyRecord Record, string Token)> CreateAsync(EmailAddress owner, string name, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var secret = IdentityHashes.NewToken();
        var record = new ApiKeyRecord(id, owner.Value, name, HashOf(secret), time.GetUtcNow(), null);
        await JsonRecords.PutAsync(store, RecordKey(id), record, cancellationToken);
        using var empty = new MemoryStream([]);
        await store.PutAsync(IndexKey(owner, id), empty, 0, cancellationToken);
        return (record, $"{TokenPrefix}{id}_{secret}");
    }

    /// <summary>The owner's keys that are not revoked, oldest first.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(EmailAddress owner, CancellationToken cancellationToken)
    {
        var records = new List<ApiKeyRecord>();
        await foreach (var entry in store.ListAsync(IndexPrefix(owner), cancellationToken))
        {
            var record = await JsonRecords.GetAsync<ApiKeyRecord>(store, RecordKey(entry.Key[(entry.Key.LastIndexOf('/') + 1)..]), cancellationToken);
            if (record is { RevokedAt: null } && record.Owner == owner.Value) records.Add(record);
        }

        return [.. records.OrderBy(r => r.CreatedAt)];
    }

    /// <summary>Marks the owner's key revoked (the record stays, for the audit trail); false when it is not theirs or unknown.</summary>
    public async Task<bool> RevokeAsync(EmailAddress owner, string id, CancellationToken cancellationToken)
    {
        if (!IsKeyId(id)) return false;
        var record = await JsonRecords.GetAsync<ApiKeyRecord>(store, RecordKey(id), cancellationToken);
        if (record is null || record.Owner != owner.Value || record.RevokedAt is not null) return false;

        await JsonRecords.PutAsync(store, RecordKey(id), record with { RevokedAt = time.GetUtcNow() }, cancellationToken);
        await store.DeleteAsync(IndexKey(owner, id), cancellationToken);
        return true;
    }

    /// <summary>The live key a presented token stands for; null when malformed, unknown, revoked or wrong.</summary>
    public async Task<ApiKeyRecord?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200) return null;
        var rest = token[TokenPrefix.Length..];
        var separator = rest.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0) return null;
        var id = rest[..separator];
        if (!IsKeyId(id)) return null;

        var record = await JsonRecords.GetAsync<ApiKeyRecord>(store, RecordKey(id), cancellationToken);
        if (record is not { RevokedAt: null }) return null;
        var presented = Encoding.ASCII.GetBytes(HashOf(rest[(separator + 1)..]));
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(record.SecretHash)) ? record : null;
    }

    private static string HashOf(string secret) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static bool IsKeyId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static string RecordKey(string id) => $"identity/api-keys/{id}.json";

    private static string IndexPrefix(EmailAddress owner) => $"identity/api-key-owners/{IdentityHashes.OwnerId(owner)}/";

    private static string IndexKey(EmailAddress owner, string id) => IndexPrefix(owner) + id;
}

public sealed record ApiKeyRecord(string Id, string Owner, string Name, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
