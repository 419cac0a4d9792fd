using System.Text.Json;
using Safedrop.Api.Storage;

namespace Safedrop.Api.Identity;

/// <summary>Small JSON records in the object store (API keys, device keys).</summary>
internal static class JsonRecords
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task PutAsync<T>(IObjectStore store, string key, T record, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        using var content = new MemoryStream(bytes, writable: false);
        await store.PutAsync(key, content, bytes.Length, cancellationToken);
    }

    public static async Task<T?> GetAsync<T>(IObjectStore store, string key, CancellationToken cancellationToken) where T : class
    {
        await using var content = await store.OpenReadAsync(key, cancellationToken);
        return content is null ? null : await JsonSerializer.DeserializeAsync<T>(content, Json, cancellationToken);
    }
}
