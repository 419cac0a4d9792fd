namespace Safedrop.Operator.Platform;

/// <summary>A part of the platform: its app.kubernetes.io/component and app.kubernetes.io/name label values.</summary>
public sealed record Component(string Id, string AppName)
{
    public static readonly Component Api = new("api", "safedrop-api");
    public static readonly Component Minio = new("minio", "minio");
    public static readonly Component PinCache = new("pin-cache", "redis");
    public static readonly Component SessionCache = new("session-cache", "redis");
    public static readonly Component KeyEncryptionKey = new("kek", "safedrop");
    public static readonly Component Config = new("config", "safedrop");
}
