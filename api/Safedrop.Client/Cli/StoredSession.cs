using System.Text.Json;

namespace Safedrop.Client.Cli;

/// <summary>The session file: which server, who, and the bearer token (a secret, hence mode 0600).</summary>
internal sealed record StoredSession(Uri Server, string Email, string Token, DateTimeOffset ExpiresAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static StoredSession? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<StoredSession>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new UsageException($"The session file {path} is not readable ({e.Message}); sign in again.", e);
        }
    }

    public void Write(string path) => PrivateFile.Write(path, JsonSerializer.Serialize(this, Json));

    public override string ToString() => $"StoredSession({Server}, {Email})";
}

/// <summary>Which device key the private key file beside the session belongs to.</summary>
internal sealed record StoredDeviceKey(Uri Server, string Id, string Name)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static StoredDeviceKey? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<StoredDeviceKey>(File.ReadAllText(path), Json) : null;

    public void Write(string path) => PrivateFile.Write(path, JsonSerializer.Serialize(this, Json));
}
