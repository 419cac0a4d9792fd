using System.IO.Compression;
using System.Text.Json;
using k8s.Models;

namespace Safedrop.Resources.Compilation;

/// <summary>
/// How the compiled config travels in the snapshot ConfigMap: gzip-compressed JSON in binaryData.
/// Compression keeps large tenants (thousands of Dropzones) well under the API server's 1 MiB
/// object limit; the revision stays readable for `kubectl get -o yaml`.
/// </summary>
public static class TenantSnapshotFormat
{
    public const string ConfigKey = "tenant.json.gz";
    public const string RevisionKey = "revision";

    public static byte[] Encode(TenantConfig config)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            JsonSerializer.Serialize(gzip, config, TenantConfigJson.Options);
        return buffer.ToArray();
    }

    /// <summary>The config a snapshot holds, or why it holds none usable.</summary>
    public static (TenantConfig? Config, string? Problem) Decode(V1ConfigMap? snapshot)
    {
        if (snapshot?.BinaryData?.TryGetValue(ConfigKey, out var compressed) != true)
            return (null, $"no {ConfigKey} in the snapshot");
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed!), CompressionMode.Decompress);
            return (JsonSerializer.Deserialize<TenantConfig>(gzip, TenantConfigJson.Options) ?? throw new JsonException("empty"), null);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return (null, $"{ConfigKey} is unreadable: {e.Message}");
        }
    }
}
