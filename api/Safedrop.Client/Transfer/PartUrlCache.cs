using Safedrop.Client.Api;

namespace Safedrop.Client.Transfer;

/// <summary>
/// Transfer URLs per (file, part), fetched in batches and fetched again when one expired or storage refused it.
/// Workers that hit the same stale URL share one refresh: only the first one to report it asks the API.
/// </summary>
internal sealed class PartUrlCache(Func<string, long, CancellationToken, Task<IReadOnlyList<PartUrl>>> fetch, TimeProvider time) : IDisposable
{
    /// <summary>A URL this close to expiry is not handed out: a part's transfer could outlive it.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private readonly Dictionary<(string FileId, long Part), PartUrl> urls = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Add(string fileId, IEnumerable<PartUrl> parts)
    {
        lock (urls)
        {
            foreach (var part in parts) urls[(fileId, part.Part)] = part;
        }
    }

    public async Task<Uri> GetAsync(string fileId, long part, CancellationToken cancellationToken)
    {
        if (Fresh(fileId, part) is { } url) return url;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(fileId, part) is { } fetched) return fetched;
            Add(fileId, await fetch(fileId, part, cancellationToken));
            return Fresh(fileId, part) ?? throw new SafedropApiException($"The API gave no transfer URL for part {part} of file {fileId}.");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Storage refused <paramref name="stale"/>: forget it (unless another worker already replaced it) and get a new one.</summary>
    public async Task<Uri> RefreshAsync(string fileId, long part, Uri stale, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            lock (urls)
            {
                if (urls.TryGetValue((fileId, part), out var known) && known.Url == stale) urls.Remove((fileId, part));
            }

            if (Fresh(fileId, part) is { } replaced) return replaced;
            Add(fileId, await fetch(fileId, part, cancellationToken));
            return Fresh(fileId, part) ?? throw new SafedropApiException($"The API gave no transfer URL for part {part} of file {fileId}.");
        }
        finally
        {
            gate.Release();
        }
    }

    private Uri? Fresh(string fileId, long part)
    {
        lock (urls)
        {
            return urls.TryGetValue((fileId, part), out var url) && url.ExpiresAt - ExpiryMargin > time.GetUtcNow() ? url.Url : null;
        }
    }

    public void Dispose() => gate.Dispose();
}
