using System.Security.Cryptography;
using Safedrop.Api.Encryption;
using Safedrop.Api.Identity;
using Safedrop.Api.Storage;
using Safedrop.Crypto;

namespace Safedrop.Api.Workflows.Keys;

/// <summary>Workflow keys as records in object storage; the private half is wrapped before it is stored.</summary>
public sealed class WorkflowKeyStore(IObjectStore store, IKeyWrapper keys, TimeProvider time)
{
    public const string Prefix = "workflows/key-pairs/";

    public static string RecordKey(string workflow) => $"{Prefix}{workflow}.json";

    public Task<WorkflowKey?> GetAsync(string workflow, CancellationToken cancellationToken) =>
        JsonRecords.GetAsync<WorkflowKey>(store, RecordKey(workflow), cancellationToken);

    /// <summary>Makes a new key pair for the workflow and stores it, replacing any earlier one.</summary>
    public async Task<WorkflowKey> CreateAsync(string workflow, string owner, CancellationToken cancellationToken)
    {
        using var pair = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var deviceKeyId = WorkflowKey.DeviceKeyIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // Only the 32-byte private scalar is wrapped (the key wrapper takes 32-byte keys); the public point is in PublicKey.
        var scalar = pair.ExportParameters(includePrivateParameters: true).D!;
        try
        {
            var key = new WorkflowKey(workflow, owner, deviceKeyId, Base64Url.Encode(pair.ExportSubjectPublicKeyInfo()),
                keys.Wrap(scalar, WorkflowKey.WrapContextOf(workflow, deviceKeyId)), time.GetUtcNow());
            await SaveAsync(key, cancellationToken);
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    public Task SaveAsync(WorkflowKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return JsonRecords.PutAsync(store, RecordKey(key.Workflow), key, cancellationToken);
    }

    public Task DeleteAsync(string workflow, CancellationToken cancellationToken) => store.DeleteAsync(RecordKey(workflow), cancellationToken);

    public async IAsyncEnumerable<WorkflowKey> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in store.ListAsync(Prefix, cancellationToken))
        {
            if (!entry.Key.EndsWith(".json", StringComparison.Ordinal)) continue;
            if (await JsonRecords.GetAsync<WorkflowKey>(store, entry.Key, cancellationToken) is { } key) yield return key;
        }
    }

    /// <summary>The key pair, for unwrapping a keycode a sender wrapped for the workflow. Dispose it soon.</summary>
    public DeviceKeyPair OpenPrivateKey(WorkflowKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var publicKey = ECDiffieHellman.Create();
        publicKey.ImportSubjectPublicKeyInfo(Base64Url.Decode(key.PublicKey), out _);
        var parameters = publicKey.ExportParameters(includePrivateParameters: false);
        parameters.D = keys.Unwrap(key.WrappedPrivateKey, key.WrapContext);
        using var pair = ECDiffieHellman.Create(parameters);
        var pkcs8 = pair.ExportPkcs8PrivateKey();
        try
        {
            return DeviceKeyPair.ImportPkcs8(pkcs8);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }
}
