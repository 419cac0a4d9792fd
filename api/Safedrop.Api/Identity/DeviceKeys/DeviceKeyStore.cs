using System.Security.Cryptography;
using Safedrop.Api.Storage;
using Safedrop.Resources.Identity;

namespace Safedrop.Api.Identity.DeviceKeys;

/// <summary>Trusted device public keys as durable records: <c>identity/device-keys/{ownerId}/{keyId}.json</c>.</summary>
public sealed class DeviceKeyStore(IObjectStore store, TimeProvider time)
{
    public async Task<DeviceKeyRecord> RegisterAsync(EmailAddress owner, string name, string publicKey, CancellationToken cancellationToken)
    {
        var record = new DeviceKeyRecord(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), owner.Value, name, publicKey, time.GetUtcNow());
        await JsonRecords.PutAsync(store, RecordKey(owner, record.Id), record, cancellationToken);
        return record;
    }

    public async Task<IReadOnlyList<DeviceKeyRecord>> ListAsync(EmailAddress owner, CancellationToken cancellationToken)
    {
        var records = new List<DeviceKeyRecord>();
        await foreach (var entry in store.ListAsync(Prefix(owner), cancellationToken))
        {
            if (!entry.Key.EndsWith(".json", StringComparison.Ordinal)) continue;
            var record = await JsonRecords.GetAsync<DeviceKeyRecord>(store, entry.Key, cancellationToken);
            if (record is not null && record.Owner == owner.Value) records.Add(record);
        }

        return [.. records.OrderBy(r => r.CreatedAt)];
    }

    public async Task<bool> DeleteAsync(EmailAddress owner, string id, CancellationToken cancellationToken)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower)) return false;
        var key = RecordKey(owner, id);
        if (await store.StatAsync(key, cancellationToken) is null) return false;
        await store.DeleteAsync(key, cancellationToken);
        return true;
    }

    private static string Prefix(EmailAddress owner) => $"identity/device-keys/{IdentityHashes.OwnerId(owner)}/";

    private static string RecordKey(EmailAddress owner, string id) => $"{Prefix(owner)}{id}.json";
}

/// <summary>A registered device key; <see cref="PublicKey"/> is a P-256 SubjectPublicKeyInfo, DER, base64url.</summary>
public sealed record DeviceKeyRecord(string Id, string Owner, string Name, string PublicKey, DateTimeOffset CreatedAt);
