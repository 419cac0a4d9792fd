namespace Safedrop.Api.Encryption;

/// <summary>
/// When previous key-encryption keys are configured, a rotation is under way: rewrap everything once
/// at start, in the background, so the old key can be removed as soon as a run reports nothing left.
/// </summary>
public sealed partial class KeyRotationOnStart(KeyEncryptionKeys keys, KeyRotation rotation, ILogger<KeyRotationOnStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (keys.Previous.Count == 0) return;
        try
        {
            await rotation.RewrapAllAsync("system", stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rewrapping keys under the new key-encryption key failed; an admin can run it again")]
    private partial void LogFailed(Exception exception);
}
