using Safedrop.Api.Storage;

namespace Safedrop.Api.Tests.Audit;

/// <summary>An object store that runs a hook before each write: to fail it (storage down) or hold it (a gate).</summary>
internal sealed class HookedObjectStore(IObjectStore inner) : IObjectStore
{
    public Func<string, Task>? BeforePut { get; set; }

    public Task EnsureReadyAsync(CancellationToken cancellationToken) => inner.EnsureReadyAsync(cancellationToken);

    public async Task PutAsync(string key, Stream content, long length, CancellationToken cancellationToken)
    {
        if (BeforePut is { } hook) await hook(key);
        await inner.PutAsync(key, content, length, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public Task<ObjectInfo?> StatAsync(string key, CancellationToken cancellationToken) => inner.StatAsync(key, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task<Uri?> PresignAsync(string key, TransferDirection direction, TimeSpan expiry, CancellationToken cancellationToken) =>
        inner.PresignAsync(key, direction, expiry, cancellationToken);
}
