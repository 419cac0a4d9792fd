using Safedrop.Client.Api;
using Safedrop.Crypto;

namespace Safedrop.Client;

// Trusted device keys: a recipient registers a P-256 public key; senders wrap the keycode for it at completion, and the
// recipient opens the package with the private key alone (no link needed).
public sealed partial class SafedropClient
{
    /// <summary>Registers the public half of <paramref name="key"/>; the private half never leaves the caller.</summary>
    public async Task<DeviceKey> RegisterDeviceKeyAsync(DeviceKeyPair key, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await connection.SendAsync<DeviceKey>(HttpMethod.Post, "v1/device-keys", new RegisterDeviceKeyRequest(name, key.PublicKey), cancellationToken);
    }

    public Task<IReadOnlyList<DeviceKey>> ListDeviceKeysAsync(CancellationToken cancellationToken = default) =>
        connection.SendAsync<IReadOnlyList<DeviceKey>>(HttpMethod.Get, "v1/device-keys", null, cancellationToken);

    public Task DeleteDeviceKeyAsync(string id, CancellationToken cancellationToken = default) =>
        connection.SendAsync(HttpMethod.Delete, "v1/device-keys/" + Uri.EscapeDataString(id), null, cancellationToken);

    private async Task<IReadOnlyList<RecipientDeviceKeys>> RecipientDeviceKeysAsync(IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var found = new List<RecipientDeviceKeys>();
        // The lookup takes at most 100 addresses at a time.
        foreach (var chunk in recipients.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(100))
        {
            var query = string.Join('&', chunk.Select(r => "email=" + Uri.EscapeDataString(r)));
            found.AddRange(await connection.SendAsync<IReadOnlyList<RecipientDeviceKeys>>(HttpMethod.Get, "v1/device-keys/recipients?" + query, null, cancellationToken));
        }

        return found;
    }
}
